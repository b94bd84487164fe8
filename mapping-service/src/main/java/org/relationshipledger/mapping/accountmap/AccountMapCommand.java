package org.relationshipledger.mapping.accountmap;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of an account map; the aggregate decides whether it becomes an event. */
public sealed interface AccountMapCommand {

    String accountId();

    Instant validFrom();

    record SetReportingLine(@TargetAggregateIdentifier String accountId, String contactId, String managerId,
                            ReportingLineKind kind, Instant validFrom) implements AccountMapCommand {
    }

    record RemoveReportingLine(@TargetAggregateIdentifier String accountId, String contactId, String managerId,
                               Instant validFrom) implements AccountMapCommand {
    }

    record ChangeRelationship(@TargetAggregateIdentifier String accountId, String fromContactId,
                              String toContactId, RelationshipType type, int strength, RelationshipReason reason,
                              String reasonNote, String evidenceNote, Instant validFrom)
            implements AccountMapCommand {
    }

    record EndRelationship(@TargetAggregateIdentifier String accountId, String fromContactId, String toContactId,
                           RelationshipType type, Instant validFrom) implements AccountMapCommand {
    }

    record AssignBuyingRole(@TargetAggregateIdentifier String accountId, String contactId, BuyingRole role,
                            Stance stance, Instant validFrom) implements AccountMapCommand {
    }

    record RecordInterest(@TargetAggregateIdentifier String accountId, String interestId, String contactId,
                          InterestKind kind, Horizon horizon, String text, Instant validFrom)
            implements AccountMapCommand {
    }

    record FormCoalition(@TargetAggregateIdentifier String accountId, String coalitionId, String name,
                         CoalitionAlignment alignment, List<String> memberIds, Instant validFrom)
            implements AccountMapCommand {
    }

    record ChangeCoalition(@TargetAggregateIdentifier String accountId, String coalitionId, String name,
                           CoalitionAlignment alignment, List<String> memberIds, Instant validFrom)
            implements AccountMapCommand {
    }

    record RateAffinity(@TargetAggregateIdentifier String accountId, String contactId, String teamMemberId,
                        int score, String note, Instant validFrom) implements AccountMapCommand {
    }

    /**
     * contacts-service merged {@code mergedContactId} into {@code survivingContactId}: the merged contact's lines,
     * relationships, role, interests, coalition memberships and affinities are re-stated for the survivor.
     */
    record CarryOverMergedContact(@TargetAggregateIdentifier String accountId, String survivingContactId,
                                  String mergedContactId, Instant validFrom) implements AccountMapCommand {
    }
}
