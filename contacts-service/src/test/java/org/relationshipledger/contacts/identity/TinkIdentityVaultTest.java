package org.relationshipledger.contacts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.SealedIdentity;

class TinkIdentityVaultTest {

    private final InMemoryDataKeys keys = new InMemoryDataKeys();
    private final TinkIdentityVault vault = new TinkIdentityVault(keys);
    private final Identity ingrid = new Identity("Ingrid Bergström", "ingrid@nordhafen.example", "+49 40 5550 1234");

    @Test
    void sealedIdentityHoldsNoneOfThePersonalDataInClearAndOpensAgain() {
        SealedIdentity sealed = vault.seal("c-1", ingrid);

        assertThat(sealed.ciphertext()).doesNotContain("Ingrid", "nordhafen", "5550");
        assertThat(vault.open("c-1", sealed)).contains(ingrid);
    }

    @Test
    void eachContactHasItsOwnKeySoAnotherContactsKeyCannotOpenIt() {
        SealedIdentity sealed = vault.seal("c-1", ingrid);
        vault.seal("c-2", new Identity("Somebody Else", null, null));

        assertThatIllegalStateException().isThrownBy(() -> vault.open("c-2", sealed));
    }

    @Test
    void shreddingTheKeyMakesEverySealedVersionUnreadableForGood() {
        SealedIdentity first = vault.seal("c-1", ingrid);
        SealedIdentity second = vault.seal("c-1", ingrid.with(null, "ingrid.b@nordhafen.example", null));

        vault.shred("c-1");

        assertThat(keys.holdsKeyOf("c-1")).isFalse();
        assertThat(vault.open("c-1", first)).isEmpty();
        assertThat(vault.open("c-1", second)).isEmpty();
    }

    @Test
    void sealingTheSamePersonTwiceGivesDifferentCiphertexts() {
        assertThat(vault.seal("c-1", ingrid)).isNotEqualTo(vault.seal("c-1", ingrid));
    }

    @Test
    void anIdentityNeverPrintsItsPersonalData() {
        assertThat(ingrid.toString()).doesNotContain("Ingrid", "nordhafen", "5550");
    }
}
