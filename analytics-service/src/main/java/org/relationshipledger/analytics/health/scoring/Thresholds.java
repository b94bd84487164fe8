package org.relationshipledger.analytics.health.scoring;

/**
 * The shape of each component's curve and the band limits.
 *
 * @param freshDays           an interaction at most this many days old earns all recency points
 * @param staleDays           an interaction this many days old or older earns none
 * @param windowDays          frequency, sentiment and owner changes look back this many days
 * @param targetInteractions  interactions in the window that earn all frequency points
 * @param openTicketPenalty   share of the ticket points lost per open ticket
 * @param breachedTicketPenalty additional share lost per open ticket that breached its SLA
 * @param coveredAffinity     a decision maker counts as covered when one of our people rates affinity at least this
 * @param ownerChangePenalty  share of the owner-stability points lost per owner change in the window
 * @param healthyFrom         scores at or above are healthy
 * @param watchFrom           scores at or above (and below healthyFrom) are watch; below are at risk
 */
public record Thresholds(Integer freshDays, Integer staleDays, Integer windowDays, Integer targetInteractions,
                         Double openTicketPenalty, Double breachedTicketPenalty, Integer coveredAffinity,
                         Double ownerChangePenalty, Double healthyFrom, Double watchFrom) {
}
