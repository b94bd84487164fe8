package org.relationshipledger.contacts.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.IdentityVault;
import org.relationshipledger.contacts.contact.SealedIdentity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Crypto-shredding with Google Tink (ADR 0010): every contact gets its own AES-256-GCM keyset; the contact id is the
 * associated data, so a ciphertext copied onto another contact's event does not open.
 */
public final class TinkIdentityVault implements IdentityVault {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD is not available", e);
        }
    }

    private final DataKeys keys;

    public TinkIdentityVault(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public SealedIdentity seal(String contactId, Identity identity) {
        byte[] keyset = keys.find(contactId).orElseGet(() -> keys.putIfAbsent(contactId, newKeyset()));
        try {
            byte[] plaintext = JSON.writeValueAsBytes(new Clear(identity.fullName(), identity.email(),
                    identity.phone()));
            byte[] ciphertext = aead(keyset).encrypt(plaintext, associatedData(contactId));
            return new SealedIdentity(Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the identity of contact " + contactId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Identity> open(String contactId, SealedIdentity sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return keys.find(contactId).map(keyset -> {
            try {
                byte[] plaintext = aead(keyset).decrypt(Base64.getDecoder().decode(sealed.ciphertext()),
                        associatedData(contactId));
                Clear clear = JSON.readValue(plaintext, Clear.class);
                return new Identity(clear.fullName(), clear.email(), clear.phone());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the identity of contact " + contactId + " does not open", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void shred(String contactId) {
        keys.delete(contactId);
    }

    private record Clear(String fullName, String email, String phone) {
    }

    /**
     * A key-encryption key from its Tink binary keyset, base64-encoded (how a Secret carries it), for
     * {@link WrappedDataKeys}.
     */
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

    private static byte[] associatedData(String contactId) {
        return ("contact:" + contactId).getBytes(StandardCharsets.UTF_8);
    }
}
