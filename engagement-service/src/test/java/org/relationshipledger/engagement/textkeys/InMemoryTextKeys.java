package org.relationshipledger.engagement.textkeys;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Record keys for unit tests, which run without a database; same rules as {@link MongoTextKeys}. */
final class InMemoryTextKeys implements TextKeys {

    private final Map<String, StoredKey> keys = new HashMap<>();
    private final Map<String, Set<String>> involved = new HashMap<>();

    @Override
    public synchronized Optional<StoredKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public synchronized StoredKey putIfAbsent(String keyId, Collection<String> contactIds, byte[] keyset) {
        involved.computeIfAbsent(keyId, id -> new LinkedHashSet<>()).addAll(contactIds);
        return keys.computeIfAbsent(keyId, id -> new StoredKey(keyset));
    }

    @Override
    public synchronized Set<String> destroyInvolving(String contactId, Collection<String> alsoKeyIds) {
        Set<String> keyIds = new LinkedHashSet<>();
        involved.forEach((keyId, contacts) -> {
            if (contacts.contains(contactId)) {
                keyIds.add(keyId);
            }
        });
        keyIds.addAll(alsoKeyIds);
        keyIds.forEach(keyId -> {
            keys.put(keyId, new StoredKey(null));
            involved.computeIfAbsent(keyId, id -> new LinkedHashSet<>()).add(contactId);
        });
        return keyIds;
    }

    byte[] storedKeyset(String keyId) {
        return keys.get(keyId).keyset();
    }
}
