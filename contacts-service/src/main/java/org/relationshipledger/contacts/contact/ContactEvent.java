package org.relationshipledger.contacts.contact;

import java.time.Instant;
import java.util.List;

import org.relationshipledger.contracts.EventType;

/**
 * Stored facts of a {@link Contact}'s stream (stream id = contact id). Personal data appears only as a
 * {@link SealedIdentity}; every event names the account it concerns, the relay's Kafka key.
 */
public sealed interface ContactEvent {

    String contactId();

    String accountId();

    Instant validFrom();

    @EventType(name = "contacts.Contact.ContactAdded", revision = 1)
    record ContactAdded(String contactId, String accountId, SealedIdentity identity, String title, String department,
                        String function, Seniority seniority, Instant validFrom) implements ContactEvent {
    }

    @EventType(name = "contacts.Contact.ContactLinked", revision = 1)
    record ContactLinked(String contactId, String accountId, String title, String department, String function,
                         Seniority seniority, Instant validFrom) implements ContactEvent {
    }

    /** The whole current position at {@code accountId}, not a diff. */
    @EventType(name = "contacts.Contact.ContactDetailsChanged", revision = 1)
    record ContactDetailsChanged(String contactId, String accountId, String title, String department,
                                 String function, Seniority seniority, Instant validFrom) implements ContactEvent {
    }

    /** {@code accountId} is the contact's home account (where they were first added). */
    @EventType(name = "contacts.Contact.ContactIdentityChanged", revision = 1)
    record ContactIdentityChanged(String contactId, String accountId, SealedIdentity identity, Instant validFrom)
            implements ContactEvent {
    }

    @EventType(name = "contacts.Contact.ContactLeft", revision = 1)
    record ContactLeft(String contactId, String accountId, Instant validFrom) implements ContactEvent {
    }

    @EventType(name = "contacts.Contact.ContactMergedInto", revision = 1)
    record ContactMergedInto(String contactId, String accountId, String survivingContactId, Instant validFrom)
            implements ContactEvent {
    }

    /**
     * @param accountId the home account
     * @param accountIds every account the contact was ever at, home first
     */
    @EventType(name = "contacts.Contact.ContactErased", revision = 1)
    record ContactErased(String contactId, String accountId, List<String> accountIds, Instant validFrom)
            implements ContactEvent {
    }
}
