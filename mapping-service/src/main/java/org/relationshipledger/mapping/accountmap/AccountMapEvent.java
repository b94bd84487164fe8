package org.relationshipledger.mapping.accountmap;

import java.time.Instant;
import java.util.List;

import org.relationshipledger.contracts.EventType;

/**
 * What the account map stores: one stream per account, so the whole map of an account replays in order
 * and any past picture is a fold of a prefix of it. Contacts are referred to by id only; the evidence
 * and interest texts are business notes and must not carry personal data (ADR 0021).
 */
public sealed interface AccountMapEvent {

    String accountId();

    /** When the fact holds in the client's world; the recorded time travels in the event's metadata. */
    Instant validFrom();

    @EventType(name = "mapping.AccountMap.ReportingLineSet", revision = 1)
    record ReportingLineSet(String accountId, String contactId, String managerId, ReportingLineKind kind,
                            Instant validFrom) implements AccountMapEvent {
    }

    @EventType(name = "mapping.AccountMap.ReportingLineRemoved", revision = 1)
    record ReportingLineRemoved(String accountId, String contactId, String managerId, Instant validFrom)
            implements AccountMapEvent {
    }

    /** Creates or re-rates the edge identified by (from, to, type). */
    @EventType(name = "mapping.AccountMap.RelationshipChanged", revision = 1)
    record RelationshipChanged(String accountId, String fromContactId, String toContactId, RelationshipType type,
                               int strength, RelationshipReason reason, String reasonNote, String evidenceNote,
                               Instant validFrom) implements AccountMapEvent {
    }

    @EventType(name = "mapping.AccountMap.RelationshipEnded", revision = 1)
    record RelationshipEnded(String accountId, String fromContactId, String toContactId, RelationshipType type,
                             Instant validFrom) implements AccountMapEvent {
    }

    /** Replaces the contact's earlier role and stance. */
    @EventType(name = "mapping.AccountMap.BuyingRoleAssigned", revision = 1)
    record BuyingRoleAssigned(String accountId, String contactId, BuyingRole role, Stance stance, Instant validFrom)
            implements AccountMapEvent {
    }

    @EventType(name = "mapping.AccountMap.InterestRecorded", revision = 1)
    record InterestRecorded(String accountId, String interestId, String contactId, InterestKind kind,
                            Horizon horizon, String text, Instant validFrom) implements AccountMapEvent {
    }

    @EventType(name = "mapping.AccountMap.CoalitionFormed", revision = 1)
    record CoalitionFormed(String accountId, String coalitionId, String name, CoalitionAlignment alignment,
                           List<String> memberIds, Instant validFrom) implements AccountMapEvent {
        public CoalitionFormed {
            memberIds = List.copyOf(memberIds);
        }
    }

    /** The coalition's whole new state, so a fold never needs the earlier event to apply it. */
    @EventType(name = "mapping.AccountMap.CoalitionChanged", revision = 1)
    record CoalitionChanged(String accountId, String coalitionId, String name, CoalitionAlignment alignment,
                            List<String> memberIds, Instant validFrom) implements AccountMapEvent {
        public CoalitionChanged {
            memberIds = List.copyOf(memberIds);
        }
    }

    /** Replaces only this team member's earlier rating of the contact; other members' ratings stay beside it. */
    @EventType(name = "mapping.AccountMap.AffinityRated", revision = 1)
    record AffinityRated(String accountId, String contactId, String teamMemberId, int score, String note,
                         Instant validFrom) implements AccountMapEvent {
    }
}
