package org.relationshipledger.engagement.ownership;

import java.time.Instant;
import java.util.List;

import org.relationshipledger.contracts.EventType;
import org.relationshipledger.engagement.freetext.SealedText;

/** Stored on the account's ownership stream (stream id = account id). */
public sealed interface OwnershipEvent {

    String accountId();

    Instant validFrom();

    @EventType(name = "engagement.AccountOwnership.FirstOwnerAssigned", revision = 1)
    record FirstOwnerAssigned(String accountId, String ownerId, String assignedBy, Instant validFrom)
            implements OwnershipEvent {
    }

    /** Note and open items are sealed under the handover's own key (revision 2, ADR 0034); in clear in revision 1. */
    @EventType(name = "engagement.AccountOwnership.HandedOver", revision = 2)
    record HandedOver(String accountId, String fromOwnerId, String toOwnerId, SealedText note,
                      List<SealedText> openItems,
                      Instant validFrom) implements OwnershipEvent {
    }
}
