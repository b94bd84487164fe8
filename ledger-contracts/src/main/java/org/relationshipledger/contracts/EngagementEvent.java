package org.relationshipledger.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Touchpoints, support tickets, surveys and account ownership. Published by engagement-service on
 * {@link Topics#ENGAGEMENT}.
 *
 * <p>Interaction summaries, ticket subjects and survey comments are free text that may name people,
 * so they stay inside engagement-service; these events carry only what health scores and churn KPIs
 * need.
 */
public sealed interface EngagementEvent extends IntegrationEvent {

    enum Channel { EMAIL, CALL, MEETING, CHAT, SOCIAL, IN_PRODUCT, BUSINESS_REVIEW }

    /** Seen from our side: {@code INBOUND} means the client reached out. */
    enum Direction { INBOUND, OUTBOUND }

    enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    /** The survey scale; each kind carries its own valid score range. */
    enum SurveyKind {
        NPS(0, 10),
        CSAT(1, 5);

        private final int minScore;
        private final int maxScore;

        SurveyKind(int minScore, int maxScore) {
            this.minScore = minScore;
            this.maxScore = maxScore;
        }

        public int minScore() {
            return minScore;
        }

        public int maxScore() {
            return maxScore;
        }
    }

    /**
     * A touchpoint happened; {@code validFrom} is when it happened, which may be long before it was
     * logged.
     *
     * @param contactIds the client's participants; may be empty (such as anonymous in-product usage)
     * @param teamMemberIds our participants; may be empty
     * @param sentiment -2 (very negative) to +2 (very positive), 0 when neutral
     * @param followUpOn optional; the day someone promised to follow up
     */
    @EventType(name = "engagement.InteractionLogged", revision = 1)
    record InteractionLogged(String accountId, String interactionId, Channel channel, Direction direction,
                             List<String> contactIds, List<String> teamMemberIds, int sentiment,
                             LocalDate followUpOn, Instant validFrom) implements EngagementEvent {
        public InteractionLogged {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(direction, "direction");
            contactIds = List.copyOf(Objects.requireNonNull(contactIds, "contactIds"));
            teamMemberIds = List.copyOf(Objects.requireNonNull(teamMemberIds, "teamMemberIds"));
            Require.between(sentiment, -2, 2, "sentiment");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The interaction was logged in error; consumers drop it from every count and score. */
    @EventType(name = "engagement.InteractionRetracted", revision = 1)
    record InteractionRetracted(String accountId, String interactionId, Instant validFrom)
            implements EngagementEvent {
        public InteractionRetracted {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** @param contactId optional; the contact who raised the ticket, when known */
    @EventType(name = "engagement.TicketOpened", revision = 1)
    record TicketOpened(String accountId, String ticketId, Severity severity, String contactId, Instant slaDueAt,
                        Instant validFrom) implements EngagementEvent {
        public TicketOpened {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(slaDueAt, "slaDueAt");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** Severity changed; the SLA deadline moves with it. */
    @EventType(name = "engagement.TicketEscalated", revision = 1)
    record TicketEscalated(String accountId, String ticketId, Severity severity, Instant slaDueAt,
                           Instant validFrom) implements EngagementEvent {
        public TicketEscalated {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(slaDueAt, "slaDueAt");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** Resolution time (a churn KPI) is this {@code validFrom} minus the opening one. */
    @EventType(name = "engagement.TicketResolved", revision = 1)
    record TicketResolved(String accountId, String ticketId, Instant validFrom) implements EngagementEvent {
        public TicketResolved {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The ticket passed its SLA deadline unresolved; published once per deadline. */
    @EventType(name = "engagement.TicketSlaBreached", revision = 1)
    record TicketSlaBreached(String accountId, String ticketId, Instant slaDueAt, Instant validFrom)
            implements EngagementEvent {
        public TicketSlaBreached {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(slaDueAt, "slaDueAt");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** @param score within the kind's range: NPS 0–10, CSAT 1–5 */
    @EventType(name = "engagement.SurveyAnswered", revision = 1)
    record SurveyAnswered(String accountId, String surveyId, String contactId, SurveyKind kind, int score,
                          Instant validFrom) implements EngagementEvent {
        public SurveyAnswered {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(kind, "kind");
            Require.between(score, kind.minScore(), kind.maxScore(), kind + " score");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** {@code ownerId} is one of our team members; per-owner KPIs attribute from this instant. */
    @EventType(name = "engagement.AccountOwnerAssigned", revision = 1)
    record AccountOwnerAssigned(String accountId, String ownerId, Instant validFrom) implements EngagementEvent {
        public AccountOwnerAssigned {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /**
     * Ownership passed from one team member to another. The new owner reads the account's complete
     * history, and the handover's note and open items from engagement's handover package.
     *
     * @param note always empty since engagement seals free text at rest (ADR 0034): a retained topic cannot
     *             forget, and a note may name people. Kept so revision 1 consumers still parse the record.
     * @param openItems always empty, for the same reason
     */
    @EventType(name = "engagement.HandoverDone", revision = 1)
    record HandoverDone(String accountId, String fromOwnerId, String toOwnerId, String note, List<String> openItems,
                        Instant validFrom) implements EngagementEvent {
        public HandoverDone {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fromOwnerId, "fromOwnerId");
            Objects.requireNonNull(toOwnerId, "toOwnerId");
            Require.different(fromOwnerId, toOwnerId, "fromOwnerId", "toOwnerId");
            Objects.requireNonNull(note, "note");
            openItems = List.copyOf(Objects.requireNonNull(openItems, "openItems"));
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }
}
