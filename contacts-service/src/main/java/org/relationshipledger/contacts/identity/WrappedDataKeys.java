package org.relationshipledger.contacts.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

import com.google.crypto.tink.Aead;

/**
 * Envelope encryption for the data keys: each contact's keyset is stored encrypted with a key-encryption key that
 * lives outside the database (a Secret or a KMS), so a dump of the database alone opens no identity (ADR 0010).
 */
public final class WrappedDataKeys implements DataKeys {

    private final DataKeys stored;
    private final Aead keyEncryptionKey;

    public WrappedDataKeys(DataKeys stored, Aead keyEncryptionKey) {
        this.stored = stored;
        this.keyEncryptionKey = keyEncryptionKey;
    }

    @Override
    public Optional<byte[]> find(String contactId) {
        return stored.find(contactId).map(wrapped -> unwrap(contactId, wrapped));
    }

    @Override
    public byte[] putIfAbsent(String contactId, byte[] keyset) {
        try {
            return unwrap(contactId, stored.putIfAbsent(contactId,
                    keyEncryptionKey.encrypt(keyset, associatedData(contactId))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap the data key of contact " + contactId, e);
        }
    }

    @Override
    public void delete(String contactId) {
        stored.delete(contactId);
    }

    private byte[] unwrap(String contactId, byte[] wrapped) {
        try {
            return keyEncryptionKey.decrypt(wrapped, associatedData(contactId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data key of contact " + contactId
                    + " does not open with the configured key-encryption key", e);
        }
    }

    private static byte[] associatedData(String contactId) {
        return ("data-key:" + contactId).getBytes(StandardCharsets.UTF_8);
    }
}
