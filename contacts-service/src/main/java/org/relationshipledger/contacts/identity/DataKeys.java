package org.relationshipledger.contacts.identity;

import java.util.Optional;

/** Where contacts' serialized Tink keysets live: one per contact, kept apart from the event store. */
public interface DataKeys {

    Optional<byte[]> find(String contactId);

    /** Stores {@code keyset} unless the contact has one already; answers the one that is stored now. */
    byte[] putIfAbsent(String contactId, byte[] keyset);

    void delete(String contactId);
}
