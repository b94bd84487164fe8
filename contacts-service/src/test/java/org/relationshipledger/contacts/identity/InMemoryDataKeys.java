package org.relationshipledger.contacts.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys for aggregate fixtures, which run without a database. */
public final class InMemoryDataKeys implements DataKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> find(String contactId) {
        return Optional.ofNullable(keys.get(contactId));
    }

    @Override
    public byte[] putIfAbsent(String contactId, byte[] keyset) {
        byte[] existing = keys.putIfAbsent(contactId, keyset);
        return existing == null ? keyset : existing;
    }

    @Override
    public void delete(String contactId) {
        keys.remove(contactId);
    }

    public boolean holdsKeyOf(String contactId) {
        return keys.containsKey(contactId);
    }
}
