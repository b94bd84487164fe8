package org.relationshipledger.contacts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.SealedIdentity;

class WrappedDataKeysTest {

    private final InMemoryDataKeys stored = new InMemoryDataKeys();
    private final String kek = TinkIdentityVault.newKeyEncryptionKey();
    private final TinkIdentityVault vault =
            new TinkIdentityVault(new WrappedDataKeys(stored, TinkIdentityVault.keyEncryptionKey(kek)));
    private final Identity ingrid = new Identity("Ingrid Bergström", "ingrid@nordhafen.example", null);

    @Test
    void aWrappedDataKeyStillSealsAndOpens() {
        SealedIdentity sealed = vault.seal("c-1", ingrid);

        assertThat(vault.open("c-1", sealed)).contains(ingrid);
    }

    @Test
    void theStoredKeyAloneOpensNothingWithoutTheKeyEncryptionKey() {
        SealedIdentity sealed = vault.seal("c-1", ingrid);
        TinkIdentityVault withAnotherKek = new TinkIdentityVault(new WrappedDataKeys(stored,
                TinkIdentityVault.keyEncryptionKey(TinkIdentityVault.newKeyEncryptionKey())));
        TinkIdentityVault unwrapped = new TinkIdentityVault(stored);

        assertThatIllegalStateException().isThrownBy(() -> withAnotherKek.open("c-1", sealed));
        assertThatIllegalStateException().isThrownBy(() -> unwrapped.open("c-1", sealed));
    }

    @Test
    void shreddingAWrappedKeyStillErases() {
        SealedIdentity sealed = vault.seal("c-1", ingrid);

        vault.shred("c-1");

        assertThat(stored.holdsKeyOf("c-1")).isFalse();
        assertThat(vault.open("c-1", sealed)).isEmpty();
    }
}
