package org.relationshipledger.engagement.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a new owner needs on day one, assembled from the complete history rather than kept as a snapshot, so
 * nothing a handover "forgot" is lost.
 */
public record HandoverPackage(String accountId, String currentOwnerId, List<OwnershipView.Period> ownership,
                              List<KeyContact> keyContacts, List<TicketView> openTickets,
                              List<TicketView> breachedTickets, List<FollowUp> openFollowUps, SurveyView latestNps,
                              SurveyView latestCsat, List<OwnershipView.Handover> handovers) {

    /**
     * @param buyingRole null when mapping-service has not assigned one
     * @param lastInteractions newest first, retracted ones left out
     */
    public record KeyContact(String contactId, String title, String status, String buyingRole, String stance,
                             List<Affinity> affinities, List<InteractionView> lastInteractions) {
    }

    /** @param byPreviousOwner the rating was given by someone who owned the account before */
    public record Affinity(String teamMemberId, int score, String note, Instant ratedAt, boolean byPreviousOwner,
                           boolean byCurrentOwner) {
    }

    public record FollowUp(String interactionId, LocalDate followUpOn, List<String> contactIds, String summary,
                           String recordedBy) {
    }
}
