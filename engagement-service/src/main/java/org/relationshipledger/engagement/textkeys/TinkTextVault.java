package org.relationshipledger.engagement.textkeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextVault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Crypto-shredding of free text with Google Tink (ADR 0034): every record gets its own AES-256-GCM keyset; the key
 * id is the associated data, so a ciphertext copied onto another record does not open. With a key-encryption key,
 * keysets are stored wrapped by it, so a dump of the database alone opens no text.
 */
public final class TinkTextVault implements TextVault {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD is not available", e);
        }
    }

    private final TextKeys keys;
    private final Aead keyEncryptionKey;

    /** @param keyEncryptionKey null to store keysets unwrapped (local runs and tests) */
    public TinkTextVault(TextKeys keys, Aead keyEncryptionKey) {
        this.keys = keys;
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** @param keyEncryptionKey a base64 Tink AEAD keyset (how a Secret carries it); blank to store keysets as they are */
    public static TinkTextVault over(TextKeys keys, String keyEncryptionKey) {
        return new TinkTextVault(keys, keyEncryptionKey == null || keyEncryptionKey.isBlank() ? null
                : keyEncryptionKey(keyEncryptionKey));
    }

    @Override
    public Optional<SealedText> seal(String keyId, Collection<String> contactIds, String text) {
        TextKeys.StoredKey key = keys.putIfAbsent(keyId, contactIds, wrap(keyId, newKeyset()));
        if (key.destroyed()) {
            return Optional.empty();
        }
        try {
            byte[] ciphertext = aead(unwrap(keyId, key.keyset())).encrypt(text.getBytes(StandardCharsets.UTF_8),
                    associatedData(keyId));
            return Optional.of(new SealedText(keyId, Base64.getEncoder().encodeToString(ciphertext), null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the text of " + keyId, e);
        }
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        Optional<TextKeys.StoredKey> key = keys.find(sealed.keyId());
        if (key.map(TextKeys.StoredKey::destroyed).orElse(sealed.clear() == null)) {
            return Optional.empty();
        }
        if (sealed.clear() != null) {
            return Optional.of(sealed.clear());
        }
        try {
            byte[] text = aead(unwrap(sealed.keyId(), key.orElseThrow().keyset()))
                    .decrypt(Base64.getDecoder().decode(sealed.ciphertext()), associatedData(sealed.keyId()));
            return Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the text of " + sealed.keyId() + " does not open with its key", e);
        }
    }

    @Override
    public Set<String> destroyKeysInvolving(String contactId, Collection<String> alsoKeyIds) {
        return keys.destroyInvolving(contactId, alsoKeyIds);
    }

    /** A key-encryption key from its Tink binary keyset, base64-encoded (how a Secret carries it). */
    public static Aead keyEncryptionKey(String base64Keyset) {
        try {
            return aead(Base64.getDecoder().decode(base64Keyset.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the key-encryption key is not a base64 Tink AEAD keyset", e);
        }
    }

    /** A fresh AES-256-GCM keyset, base64-encoded: how an operator makes a key-encryption key. */
    public static String newKeyEncryptionKey() {
        return Base64.getEncoder().encodeToString(newKeyset());
    }

    private byte[] wrap(String keyId, byte[] keyset) {
        try {
            return keyEncryptionKey == null ? keyset : keyEncryptionKey.encrypt(keyset, wrappingData(keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap the data key " + keyId, e);
        }
    }

    private byte[] unwrap(String keyId, byte[] stored) {
        try {
            return keyEncryptionKey == null ? stored : keyEncryptionKey.decrypt(stored, wrappingData(keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data key " + keyId
                    + " does not open with the configured key-encryption key", e);
        }
    }

    private static byte[] newKeyset() {
        try {
            return TinkProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a data key", e);
        }
    }

    private static Aead aead(byte[] keyset) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] associatedData(String keyId) {
        return ("free-text:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrappingData(String keyId) {
        return ("data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
