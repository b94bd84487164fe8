package org.relationshipledger.engagement.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.relationshipledger.contracts.EventType;
import org.relationshipledger.engagement.freetext.SealedText;

/**
 * Stored events of an interaction; {@code validFrom} is when the touchpoint happened, not when it was logged. Summaries
 * and reasons are sealed under the interaction's own key (revision 2, ADR 0034); revision 1 stored them in clear.
 */
public sealed interface InteractionEvent {

    String interactionId();

    String accountId();

    Instant validFrom();

    @EventType(name = "engagement.Interaction.InteractionLogged", revision = 2)
    record InteractionLogged(String interactionId, String accountId, Channel channel, Direction direction,
                             List<String> contactIds, List<String> teamMemberIds, int sentiment, SealedText summary,
                             LocalDate followUpOn, String recordedBy, Instant validFrom) implements InteractionEvent {
    }

    /** Replaces everything the interaction said; the logged event and earlier corrections stay in history. */
    @EventType(name = "engagement.Interaction.InteractionCorrected", revision = 2)
    record InteractionCorrected(String interactionId, String accountId, Channel channel, Direction direction,
                                List<String> contactIds, List<String> teamMemberIds, int sentiment,
                                SealedText summary, LocalDate followUpOn, String correctedBy, SealedText reason,
                                Instant validFrom)
            implements InteractionEvent {
    }

    /** {@code validFrom} is the retracted interaction's own date: it never happened, from the start. */
    @EventType(name = "engagement.Interaction.InteractionRetracted", revision = 2)
    record InteractionRetracted(String interactionId, String accountId, String retractedBy, SealedText reason,
                                Instant validFrom) implements InteractionEvent {
    }
}
