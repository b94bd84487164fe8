package org.relationshipledger.engagement.integration;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.ticket.TicketEvent;
import org.springframework.stereotype.Component;

/**
 * Maps stored engagement events to the published language. Summaries, subjects, reasons, comments, handover notes and
 * who recorded what stay inside engagement-service (free text may name people, ADR 0034); only what health scores and
 * KPIs need leaves.
 */
@Component
public class EngagementTranslator implements IntegrationEventTranslator {

    @Override
    public List<Outbound> translate(DomainEventMessage<?> message) {
        EngagementEvent published = switch (message.getPayload()) {
            case InteractionEvent event -> interaction(event);
            case TicketEvent event -> ticket(event);
            case SurveyEvent.SurveyAnswered e -> new EngagementEvent.SurveyAnswered(e.accountId(), e.surveyId(),
                    e.contactId(), EngagementEvent.SurveyKind.valueOf(e.kind().name()), e.score(), e.validFrom());
            case OwnershipEvent event -> ownership(event);
            default -> null;
        };
        return published == null ? List.of() : List.of(Outbound.of(published));
    }

    /**
     * The contract has no correction event, so a correction republishes the interaction under its own id with the
     * corrected facts: consumers keep the latest {@code InteractionLogged} per interaction id (ADR 0031).
     */
    private static EngagementEvent interaction(InteractionEvent event) {
        return switch (event) {
            case InteractionEvent.InteractionLogged e -> new EngagementEvent.InteractionLogged(e.accountId(),
                    e.interactionId(), channel(e.channel()), direction(e.direction()), e.contactIds(),
                    e.teamMemberIds(), e.sentiment(), e.followUpOn(), e.validFrom());
            case InteractionEvent.InteractionCorrected e -> new EngagementEvent.InteractionLogged(e.accountId(),
                    e.interactionId(), channel(e.channel()), direction(e.direction()), e.contactIds(),
                    e.teamMemberIds(), e.sentiment(), e.followUpOn(), e.validFrom());
            case InteractionEvent.InteractionRetracted e ->
                    new EngagementEvent.InteractionRetracted(e.accountId(), e.interactionId(), e.validFrom());
        };
    }

    private static EngagementEvent ticket(TicketEvent event) {
        return switch (event) {
            case TicketEvent.TicketOpened e -> new EngagementEvent.TicketOpened(e.accountId(), e.ticketId(),
                    severity(e.severity()), e.contactId(), e.slaDueAt(), e.validFrom());
            case TicketEvent.TicketEscalated e -> new EngagementEvent.TicketEscalated(e.accountId(), e.ticketId(),
                    severity(e.severity()), e.slaDueAt(), e.validFrom());
            case TicketEvent.TicketResolved e ->
                    new EngagementEvent.TicketResolved(e.accountId(), e.ticketId(), e.validFrom());
            case TicketEvent.TicketSlaBreached e -> new EngagementEvent.TicketSlaBreached(e.accountId(),
                    e.ticketId(), e.slaDueAt(), e.validFrom());
        };
    }

    private static EngagementEvent ownership(OwnershipEvent event) {
        return switch (event) {
            case OwnershipEvent.FirstOwnerAssigned e ->
                    new EngagementEvent.AccountOwnerAssigned(e.accountId(), e.ownerId(), e.validFrom());
            // The note and open items are free text (ADR 0034): they stay here, readable in the handover package.
            case OwnershipEvent.HandedOver e -> new EngagementEvent.HandoverDone(e.accountId(), e.fromOwnerId(),
                    e.toOwnerId(), "", List.of(), e.validFrom());
        };
    }

    private static EngagementEvent.Channel channel(org.relationshipledger.engagement.interaction.Channel channel) {
        return EngagementEvent.Channel.valueOf(channel.name());
    }

    private static EngagementEvent.Direction direction(
            org.relationshipledger.engagement.interaction.Direction direction) {
        return EngagementEvent.Direction.valueOf(direction.name());
    }

    private static EngagementEvent.Severity severity(org.relationshipledger.engagement.ticket.Severity severity) {
        return EngagementEvent.Severity.valueOf(severity.name());
    }
}
