package org.relationshipledger.engagement;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relationshipledger.engagement.roster.AccountRoster;
import org.relationshipledger.engagement.roster.RosterContact;

/** A roster for aggregate fixtures: the accounts and contacts a test says exist. */
public final class InMemoryRoster implements AccountRoster {

    private final Set<String> accounts = new HashSet<>();
    private final Map<String, RosterContact> contacts = new HashMap<>();

    public InMemoryRoster account(String accountId) {
        accounts.add(accountId);
        return this;
    }

    public InMemoryRoster contact(String accountId, String contactId) {
        contacts.put(contactId, new RosterContact(contactId, accountId, "Head of Operations",
                RosterContact.Status.ACTIVE, null, null));
        return this;
    }

    public InMemoryRoster departed(String accountId, String contactId, Instant leftAt) {
        contacts.put(contactId, new RosterContact(contactId, accountId, "Former CFO", RosterContact.Status.LEFT,
                leftAt, null));
        return this;
    }

    public InMemoryRoster erased(String accountId, String contactId) {
        contacts.put(contactId, new RosterContact(contactId, accountId, null, RosterContact.Status.ERASED, null,
                null));
        return this;
    }

    @Override
    public boolean accountExists(String accountId) {
        return accounts.contains(accountId);
    }

    @Override
    public Optional<RosterContact> contact(String contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }
}
