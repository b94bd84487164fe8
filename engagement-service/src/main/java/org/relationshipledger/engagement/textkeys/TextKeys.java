package org.relationshipledger.engagement.textkeys;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Where the records' serialized Tink keysets live: one per record, apart from the event store, each remembering the
 * contacts its record involves so an erasure finds them. A destroyed key stays as a marker without its keyset, so it
 * is never recreated under the same id.
 */
public interface TextKeys {

    /** @param keyset null once the key was destroyed */
    record StoredKey(byte[] keyset) {

        public boolean destroyed() {
            return keyset == null;
        }
    }

    Optional<StoredKey> find(String keyId);

    /**
     * Stores {@code keyset} unless the record has a key already (live or destroyed), adds {@code contactIds} to
     * those the record involves, and answers the key stored now.
     */
    StoredKey putIfAbsent(String keyId, Collection<String> contactIds, byte[] keyset);

    /** Destroys every key whose record involves the contact, and those named; answers all of them. */
    Set<String> destroyInvolving(String contactId, Collection<String> alsoKeyIds);
}
