package org.relationshipledger.engagement.textkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextVault;

class TinkTextVaultTest {

    static final String SECRET = "Anna Berg told us she is leaving in March";

    final InMemoryTextKeys keys = new InMemoryTextKeys();
    final TinkTextVault vault = new TinkTextVault(keys, null);

    @Test
    void sealsTextSoThatOnlyItsRecordsKeyOpensIt() {
        SealedText sealed = vault.seal("interaction:i-1", List.of("c-anna"), SECRET).orElseThrow();

        assertThat(sealed.keyId()).isEqualTo("interaction:i-1");
        assertThat(sealed.clear()).isNull();
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Anna", "March");
        assertThat(vault.open(sealed)).contains(SECRET);
        assertThat(vault.seal("interaction:i-1", List.of(), "second text").flatMap(vault::open))
                .contains("second text");
    }

    @Test
    void aCiphertextMovedOntoAnotherRecordDoesNotOpen() {
        SealedText sealed = vault.seal("interaction:i-1", List.of("c-anna"), SECRET).orElseThrow();
        vault.seal("interaction:i-2", List.of("c-anna"), "other");

        assertThatThrownBy(() -> vault.open(new SealedText("interaction:i-2", sealed.ciphertext(), null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void erasingAContactDestroysTheKeysOfTheirRecordsOnly() {
        SealedText annas = vault.seal("interaction:i-1", List.of("c-anna", "c-ben"), SECRET).orElseThrow();
        SealedText survey = vault.seal("survey:s-1", List.of("c-anna"), "Too slow").orElseThrow();
        SealedText bens = vault.seal("ticket:t-1", List.of("c-ben"), "Export fails").orElseThrow();

        assertThat(vault.destroyKeysInvolving("c-anna", List.of()))
                .containsExactlyInAnyOrder("interaction:i-1", "survey:s-1");

        assertThat(vault.open(annas)).isEmpty();
        assertThat(vault.open(survey)).isEmpty();
        assertThat(vault.show(survey)).isEqualTo(TextVault.ERASED);
        assertThat(vault.open(bens)).contains("Export fails");
        assertThat(keys.storedKeyset("interaction:i-1")).isNull();
    }

    @Test
    void aRecordWhoseKeyWasDestroyedTakesNoNewText() {
        vault.seal("interaction:i-1", List.of("c-anna"), SECRET);
        vault.destroyKeysInvolving("c-anna", List.of());

        assertThat(vault.seal("interaction:i-1", List.of("c-ben"), "a correction")).isEmpty();
    }

    @Test
    void aContactNamedOnlyInALaterCorrectionStillErasesTheRecord() {
        SealedText original = vault.seal("interaction:i-1", List.of("c-anna"), SECRET).orElseThrow();
        vault.seal("interaction:i-1", List.of("c-ben"), "corrected: it was Ben");

        vault.destroyKeysInvolving("c-anna", List.of());

        assertThat(vault.open(original)).isEmpty();
    }

    @Test
    void textStoredInClearBeforeSealingOpensUntilItsRecordIsErased() {
        SealedText legacy = SealedText.legacy("ticket:t-old", "Export fails for Anna");
        assertThat(vault.open(legacy)).contains("Export fails for Anna");

        assertThat(vault.destroyKeysInvolving("c-anna", List.of("ticket:t-old"))).containsExactly("ticket:t-old");

        assertThat(vault.open(legacy)).isEmpty();
        assertThat(vault.seal("ticket:t-old", List.of(), "new")).isEmpty();
    }

    @Test
    void sealedTextWithoutAnyStoredKeyDoesNotOpen() {
        assertThat(vault.open(new SealedText("survey:unknown", "AAAA", null))).isEmpty();
    }

    @Test
    void withAKeyEncryptionKeyStoresEachKeysetWrappedAndOpensWithThatKeyOnly() {
        TinkTextVault wrapping = TinkTextVault.over(keys, TinkTextVault.newKeyEncryptionKey());
        SealedText sealed = wrapping.seal("handover:a-1@2026-10-01T10:00:00Z", List.of(), SECRET).orElseThrow();

        assertThat(wrapping.open(sealed)).contains(SECRET);
        assertThatThrownBy(() -> vault.open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TinkTextVault.over(keys, TinkTextVault.newKeyEncryptionKey()).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-encryption key");
    }
}
