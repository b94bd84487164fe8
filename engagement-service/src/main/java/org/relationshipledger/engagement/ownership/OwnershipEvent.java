package org.relationshipledger.engagement.ownership;

import java.time.Instant;
import java.util.List;

import org.relationshipledger.contracts.EventType;

/** Stored on the account's ownership stream (stream id = account id). */
public sealed interface OwnershipEvent {

    String accountId();

    Instant validFrom();

    @EventType(name = "engagement.AccountOwnership.FirstOwnerAssigned", revision = 1)
    record FirstOwnerAssigned(String accountId, String ownerId, String assignedBy, Instant validFrom)
            implements OwnershipEvent {
    }

    @EventType(name = "engagement.AccountOwnership.HandedOver", revision = 1)
    record HandedOver(String accountId, String fromOwnerId, String toOwnerId, String note, List<String> openItems,
                      Instant validFrom) implements OwnershipEvent {
    }
}
