package org.relationshipledger.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Facts about the people at an account, without who they are: names, emails and phone numbers
 * travel only as {@link ContactProfile} on the compacted {@link Topics#CONTACT_PROFILES}, so erasing
 * a contact never needs a retained event rewritten. Published by contacts-service on
 * {@link Topics#CONTACTS}.
 */
public sealed interface ContactEvent extends IntegrationEvent {

    /** Rank in the client's hierarchy; feeds decision-maker coverage in the health score. */
    enum Seniority { C_LEVEL, VP, DIRECTOR, MANAGER, INDIVIDUAL_CONTRIBUTOR }

    /**
     * @param title job title as printed on the card, such as {@code Head of Procurement}
     * @param department optional, such as {@code Finance}
     * @param function optional, the contact's business function, such as {@code Procurement}
     * @param seniority optional when not known yet
     */
    @EventType(name = "contacts.ContactAdded", revision = 1)
    record ContactAdded(String accountId, String contactId, String title, String department, String function,
                        Seniority seniority, Instant validFrom) implements ContactEvent {
        public ContactAdded {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * The contact's position changed (promotion, move to another department). Carries the whole
     * current state, not a diff, so a consumer never needs the previous event to apply it.
     *
     * @param department optional
     * @param function optional
     * @param seniority optional when not known
     */
    @EventType(name = "contacts.ContactDetailsChanged", revision = 1)
    record ContactDetailsChanged(String accountId, String contactId, String title, String department,
                                 String function, Seniority seniority, Instant validFrom) implements ContactEvent {
        public ContactDetailsChanged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The person's name, email or phone changed; {@code accountId} is their home account. */
    // Data-free on purpose: the new name, email and phone travel only as ContactProfile on the profile topic.
    @EventType(name = "contacts.ContactIdentityChanged", revision = 1)
    record ContactIdentityChanged(String accountId, String contactId, Instant validFrom) implements ContactEvent {
        public ContactIdentityChanged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The person left the client. Their history stays: it explains past decisions. */
    @EventType(name = "contacts.ContactLeft", revision = 1)
    record ContactLeft(String accountId, String contactId, Instant validFrom) implements ContactEvent {
        public ContactLeft {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * The person asked to be forgotten: consumers scrub every read model that refers to them. The
     * profile topic gets a tombstone for the same contact id.
     */
    @EventType(name = "contacts.ContactErased", revision = 1)
    record ContactErased(String accountId, String contactId, Instant validFrom) implements ContactEvent {
        public ContactErased {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * Two records turned out to be the same person. Consumers re-point everything that referred to
     * {@code mergedContactId} to {@code survivingContactId}; the merged id is never used again.
     */
    @EventType(name = "contacts.ContactsMerged", revision = 1)
    record ContactsMerged(String accountId, String survivingContactId, String mergedContactId, Instant validFrom)
            implements ContactEvent {
        public ContactsMerged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(survivingContactId, "survivingContactId");
            Objects.requireNonNull(mergedContactId, "mergedContactId");
            Require.different(survivingContactId, mergedContactId, "survivingContactId", "mergedContactId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }
}
