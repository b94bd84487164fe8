package org.relationshipledger.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who matters inside an account and how they relate: reporting lines, relationships, buying roles,
 * interests, coalitions and our team's affinities. Published by mapping-service on {@link Topics#MAPPING}.
 * Contacts are referred to by id only.
 */
public sealed interface MappingEvent extends IntegrationEvent {

    enum ReportingLineKind { SOLID, DOTTED }

    /** Direction matters: {@code from} defers to, influences or opposes {@code to}. */
    enum RelationshipType { DEFERS_TO, INFLUENCES, OPPOSES }

    enum RelationshipReason { AUTHORITY, EXPERTISE, TRUST, SHARED_INTEREST, PAST_CONFLICT, OTHER }

    enum BuyingRole { DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, GATEKEEPER, USER, BLOCKER }

    /** Where the contact stands towards us, independent of their role. */
    enum Stance { ALLY, NEUTRAL, OPPONENT }

    /** Whether a coalition works with our interests or against them. */
    enum CoalitionAlignment { ALIGNED, OPPOSED }

    enum InterestKind { NEED, CONCERN, FEAR }

    enum InterestHorizon { SHORT_TERM, MID_TERM, LONG_TERM }

    /**
     * {@code contactId} reports to {@code managerId}. A contact may have several managers; the
     * producer has already rejected lines that would close a cycle.
     */
    @EventType(name = "mapping.ReportingLineSet", revision = 1)
    record ReportingLineSet(String accountId, String contactId, String managerId, ReportingLineKind kind,
                            Instant validFrom) implements MappingEvent {
        public ReportingLineSet {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(managerId, "managerId");
            Require.different(contactId, managerId, "contactId", "managerId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    @EventType(name = "mapping.ReportingLineRemoved", revision = 1)
    record ReportingLineRemoved(String accountId, String contactId, String managerId, Instant validFrom)
            implements MappingEvent {
        public ReportingLineRemoved {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(managerId, "managerId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * A relationship edge was created or re-rated; the edge is identified by (from, to, type), so a
     * later event for the same triple replaces strength and reason rather than adding a second edge.
     *
     * @param strength 1 (weak) to 5 (strong)
     * @param reasonNote optional; a short business note, never personal data
     */
    @EventType(name = "mapping.RelationshipChanged", revision = 1)
    record RelationshipChanged(String accountId, String fromContactId, String toContactId, RelationshipType type,
                               int strength, RelationshipReason reason, String reasonNote, Instant validFrom)
            implements MappingEvent {
        public RelationshipChanged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fromContactId, "fromContactId");
            Objects.requireNonNull(toContactId, "toContactId");
            Require.different(fromContactId, toContactId, "fromContactId", "toContactId");
            Objects.requireNonNull(type, "type");
            Require.between(strength, 1, 5, "strength");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    @EventType(name = "mapping.RelationshipEnded", revision = 1)
    record RelationshipEnded(String accountId, String fromContactId, String toContactId, RelationshipType type,
                             Instant validFrom) implements MappingEvent {
        public RelationshipEnded {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fromContactId, "fromContactId");
            Objects.requireNonNull(toContactId, "toContactId");
            Require.different(fromContactId, toContactId, "fromContactId", "toContactId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The contact's role in buying decisions and their stance; replaces any earlier assignment. */
    @EventType(name = "mapping.BuyingRoleAssigned", revision = 1)
    record BuyingRoleAssigned(String accountId, String contactId, BuyingRole role, Stance stance,
                              Instant validFrom) implements MappingEvent {
        public BuyingRoleAssigned {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(stance, "stance");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** A contact's need, concern or fear; interests are never overwritten, so each carries its own id. */
    // Without the interest's free text: it may hold personal data, so it stays inside mapping-service.
    @EventType(name = "mapping.InterestRecorded", revision = 1)
    record InterestRecorded(String accountId, String interestId, String contactId, InterestKind kind,
                            InterestHorizon horizon, Instant validFrom) implements MappingEvent {
        public InterestRecorded {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(interestId, "interestId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(horizon, "horizon");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** {@code name} labels the group (such as {@code Finance modernisers}), never a person. */
    @EventType(name = "mapping.CoalitionFormed", revision = 1)
    record CoalitionFormed(String accountId, String coalitionId, String name, CoalitionAlignment alignment,
                           List<String> memberIds, Instant validFrom) implements MappingEvent {
        public CoalitionFormed {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(coalitionId, "coalitionId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alignment, "alignment");
            memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The coalition's whole current state, not a diff: consumers replace what they held. */
    @EventType(name = "mapping.CoalitionChanged", revision = 1)
    record CoalitionChanged(String accountId, String coalitionId, String name, CoalitionAlignment alignment,
                            List<String> memberIds, Instant validFrom) implements MappingEvent {
        public CoalitionChanged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(coalitionId, "coalitionId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alignment, "alignment");
            memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * How well one of our team members knows the contact. Kept per team member: a handover adds a
     * new owner's ratings beside the previous owner's, it never overwrites them.
     *
     * @param score 0 (does not know them) to 5 (trusted relationship)
     * @param note optional; a short business note, never personal data
     */
    @EventType(name = "mapping.AffinityRated", revision = 1)
    record AffinityRated(String accountId, String contactId, String teamMemberId, int score, String note,
                         Instant validFrom) implements MappingEvent {
        public AffinityRated {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(teamMemberId, "teamMemberId");
            Require.between(score, 0, 5, "score");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }
}
