package org.relationshipledger.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest clear-text identity of a contact, the only PII in the published language. It is a
 * value on the compacted {@link Topics#CONTACT_PROFILES}, keyed by contact id, not an
 * {@link IntegrationEvent}: erasure publishes a tombstone (null value) for the key, and compaction
 * then leaves no record that holds the person's data. Consumers that keep a copy delete it on the
 * tombstone or on {@link ContactEvent.ContactErased}, whichever arrives first.
 *
 * @param email optional
 * @param phone optional
 * @param recordedAt when contacts-service recorded this version of the profile
 */
@EventType(name = "contacts.ContactProfile", revision = 1)
public record ContactProfile(String contactId, String accountId, String fullName, String email, String phone,
                             Instant recordedAt) {

    public ContactProfile {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Keeps PII out of logs and exception messages that print the record.
     */
    @Override
    public String toString() {
        return "ContactProfile[contactId=%s, accountId=%s, recordedAt=%s]".formatted(contactId, accountId, recordedAt);
    }
}
