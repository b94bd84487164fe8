package org.relationshipledger.contacts.contact;

import java.util.Optional;
import java.util.Set;

/** Other contacts as the service's own read model knows them, for rules that span two contacts (merging). */
public interface ContactDirectory {

    record Entry(String contactId, ContactStatus status, Set<String> currentAccountIds) {
    }

    Optional<Entry> find(String contactId);
}
