package org.relationshipledger.engagement.ticket;

import java.time.Instant;

import org.relationshipledger.contracts.EventType;
import org.relationshipledger.engagement.freetext.SealedText;

public sealed interface TicketEvent {

    String ticketId();

    String accountId();

    Instant validFrom();

    /** The subject is sealed under the ticket's own key (revision 2, ADR 0034); revision 1 stored it in clear. */
    @EventType(name = "engagement.Ticket.TicketOpened", revision = 2)
    record TicketOpened(String ticketId, String accountId, Severity severity, SealedText subject, String contactId,
                        String openedBy, Instant slaDueAt, Instant validFrom) implements TicketEvent {
    }

    /** The deadline moves with the severity, counted from the opening, not from the escalation. */
    @EventType(name = "engagement.Ticket.TicketEscalated", revision = 1)
    record TicketEscalated(String ticketId, String accountId, Severity previousSeverity, Severity severity,
                           Instant slaDueAt, String escalatedBy, Instant validFrom) implements TicketEvent {
    }

    @EventType(name = "engagement.Ticket.TicketResolved", revision = 1)
    record TicketResolved(String ticketId, String accountId, String resolvedBy, Instant validFrom)
            implements TicketEvent {
    }

    /** {@code validFrom} is the deadline itself: the breach held from then, however late it was noticed. */
    @EventType(name = "engagement.Ticket.TicketSlaBreached", revision = 1)
    record TicketSlaBreached(String ticketId, String accountId, Severity severity, Instant slaDueAt,
                             Instant validFrom) implements TicketEvent {
    }
}
