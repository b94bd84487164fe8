package org.relationshipledger.engagement.history;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.relationshipledger.engagement.ticket.TicketCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds tickets whose SLA deadline passed unresolved and asks each to record the breach. A sweep over the read model
 * rather than in-memory deadlines, so a restart loses nothing (ADR 0032); the ticket decides, so a sweep running
 * twice, or on two replicas, still yields one breach per deadline.
 */
@Component
public class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final TicketsProjection tickets;
    private final CommandGateway commands;
    private final Clock clock;

    SlaWatch(TicketsProjection tickets, CommandGateway commands, Clock clock) {
        this.tickets = tickets;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${engagement.sla.sweep-interval-ms:60000}",
            initialDelayString = "${engagement.sla.sweep-interval-ms:60000}")
    public int sweep() {
        int asked = 0;
        Instant now = clock.instant();
        for (String ticketId : tickets.overdueUnreported(now)) {
            try {
                commands.sendAndWait(new TicketCommand.RecordSlaBreach(ticketId, now));
                asked++;
            } catch (ConcurrencyException raced) {
                log.debug("ticket {} changed during the SLA sweep; the next sweep looks again", ticketId);
            }
        }
        return asked;
    }
}
