package org.relationshipledger.engagement.ticket;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface TicketCommand {

    String ticketId();

    /**
     * @param contactId optional: the contact who raised it, when known
     * @param openedAt  optional: when the client raised it, if earlier than now (a case logged late); the SLA
     *                  deadline counts from it
     */
    record OpenTicket(@TargetAggregateIdentifier String ticketId, String accountId, Severity severity, String subject,
                      String contactId, String openedBy, Instant openedAt) implements TicketCommand {
    }

    record EscalateTicket(@TargetAggregateIdentifier String ticketId, Severity severity, String escalatedBy)
            implements TicketCommand {
    }

    record ResolveTicket(@TargetAggregateIdentifier String ticketId, String resolvedBy) implements TicketCommand {
    }

    /**
     * Sent by the SLA watch, which owns the clock it observes with; the ticket itself decides whether its current
     * deadline had passed unresolved by {@code observedAt}.
     */
    record RecordSlaBreach(@TargetAggregateIdentifier String ticketId, Instant observedAt) implements TicketCommand {
    }
}
