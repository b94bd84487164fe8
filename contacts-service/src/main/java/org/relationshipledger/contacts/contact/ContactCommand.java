package org.relationshipledger.contacts.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * What can be asked of a {@link Contact}. {@code expectedVersion} is the version the caller last saw; null means
 * "whatever is current". Where {@code accountId} is optional, null means the one account the contact is at now.
 */
public sealed interface ContactCommand {

    String contactId();

    record AddContact(@TargetAggregateIdentifier String contactId, String accountId, Identity identity,
                      Position position) implements ContactCommand {
    }

    /** The same person is also a contact at another account: one record, one more membership. */
    record LinkContact(@TargetAggregateIdentifier String contactId, String accountId, Position position,
                       @TargetAggregateVersion Long expectedVersion) implements ContactCommand {
    }

    /** Null fields stay as they are. */
    record ChangeContact(@TargetAggregateIdentifier String contactId, String accountId, String fullName, String email,
                         String phone, String title, String department, String function, Seniority seniority,
                         @TargetAggregateVersion Long expectedVersion) implements ContactCommand {

        /** Keeps personal data out of logs and exception messages. */
        @Override
        public String toString() {
            return "ChangeContact[contactId=%s, accountId=%s, expectedVersion=%s]"
                    .formatted(contactId, accountId, expectedVersion);
        }
    }

    record RecordDeparture(@TargetAggregateIdentifier String contactId, String accountId,
                           @TargetAggregateVersion Long expectedVersion) implements ContactCommand {
    }

    /** Addressed to the duplicate, which ends up merged into {@code survivingContactId}. */
    record MergeContact(@TargetAggregateIdentifier String contactId, String survivingContactId,
                        @TargetAggregateVersion Long expectedVersion) implements ContactCommand {
    }

    record EraseContact(@TargetAggregateIdentifier String contactId) implements ContactCommand {
    }
}
