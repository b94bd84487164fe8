package org.relationshipledger.engagement.ownership;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface OwnershipCommand {

    String accountId();

    record AssignFirstOwner(@TargetAggregateIdentifier String accountId, String ownerId, String assignedBy)
            implements OwnershipCommand {
    }

    /** Only the current owner hands over; {@code fromOwnerId} is who asks. */
    record HandOver(@TargetAggregateIdentifier String accountId, String fromOwnerId, String toOwnerId, String note,
                    List<String> openItems) implements OwnershipCommand {
        public HandOver {
            openItems = openItems == null ? List.of() : List.copyOf(openItems);
        }
    }
}
