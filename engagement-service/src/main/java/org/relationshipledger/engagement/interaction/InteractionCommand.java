package org.relationshipledger.engagement.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface InteractionCommand {

    String interactionId();

    /** What an interaction says happened; logging and correcting both carry the whole of it. */
    record Touchpoint(Channel channel, Direction direction, Instant occurredAt, List<String> contactIds,
                      List<String> teamMemberIds, int sentiment, String summary, LocalDate followUpOn) {
        public Touchpoint {
            contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
            teamMemberIds = teamMemberIds == null ? List.of() : List.copyOf(teamMemberIds);
        }
    }

    record LogInteraction(@TargetAggregateIdentifier String interactionId, String accountId, Touchpoint touchpoint,
                          String recordedBy) implements InteractionCommand {
    }

    record CorrectInteraction(@TargetAggregateIdentifier String interactionId, Touchpoint touchpoint,
                              String correctedBy, String reason) implements InteractionCommand {
    }

    record RetractInteraction(@TargetAggregateIdentifier String interactionId, String retractedBy, String reason)
            implements InteractionCommand {
    }
}
