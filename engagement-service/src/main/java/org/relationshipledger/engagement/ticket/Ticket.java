package org.relationshipledger.engagement.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.interaction.Interaction;
import org.relationshipledger.engagement.roster.AccountRoster;
import org.relationshipledger.engagement.ticket.TicketCommand.EscalateTicket;
import org.relationshipledger.engagement.ticket.TicketCommand.OpenTicket;
import org.relationshipledger.engagement.ticket.TicketCommand.RecordSlaBreach;
import org.relationshipledger.engagement.ticket.TicketCommand.ResolveTicket;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketEscalated;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketOpened;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketResolved;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketSlaBreached;

/** A support case and its SLA clock. A breach is recorded once per deadline; escalation sets a new deadline. */
@Aggregate
public class Ticket {

    public static final int MAX_SUBJECT = 500;

    @AggregateIdentifier
    private String ticketId;
    private String accountId;
    private Severity severity;
    private Instant openedAt;
    private Instant slaDueAt;
    private Instant breachedDeadline;
    private boolean resolved;

    protected Ticket() {
    }

    @CommandHandler
    public Ticket(OpenTicket command, AccountRoster roster, SlaPolicy sla, Clock clock, TextVault vault) {
        requireActor(command.openedBy(), "openedBy");
        if (command.severity() == null) {
            throw RuleViolation.invalid("severity", "severity is required");
        }
        if (command.subject() == null || command.subject().isBlank()) {
            throw RuleViolation.invalid("subject", "subject must not be empty");
        }
        if (command.subject().length() > MAX_SUBJECT) {
            throw RuleViolation.invalid("subject", "subject is longer than " + MAX_SUBJECT + " characters");
        }
        Instant now = clock.instant();
        Instant openedAt = command.openedAt() == null ? now : command.openedAt();
        if (openedAt.isAfter(now.plus(Interaction.CLOCK_SKEW))) {
            throw RuleViolation.invalid("openedAt", "openedAt lies in the future; open tickets that were raised");
        }
        roster.requireAccount(command.accountId());
        if (command.contactId() != null) {
            roster.requireParticipants(command.accountId(), List.of(command.contactId()), openedAt, "contactId");
        }
        List<String> involved = command.contactId() == null ? List.of() : List.of(command.contactId());
        apply(new TicketOpened(command.ticketId(), command.accountId(), command.severity(),
                vault.seal(TextRecord.TICKET.keyId(command.ticketId()), involved, command.subject().strip())
                        .orElseThrow(() -> RuleViolation.conflict("ticketId", "Ticket " + command.ticketId()
                                + " was erased.")),
                command.contactId(), command.openedBy(), sla.dueAt(openedAt, command.severity()), openedAt));
    }

    @CommandHandler
    public void handle(EscalateTicket command, SlaPolicy sla, Clock clock) {
        requireActor(command.escalatedBy(), "escalatedBy");
        refuseIfResolved();
        if (command.severity() == null) {
            throw RuleViolation.invalid("severity", "severity is required");
        }
        if (command.severity().compareTo(severity) <= 0) {
            throw RuleViolation.unprocessable("severity",
                    "escalation must raise the severity above " + severity);
        }
        apply(new TicketEscalated(ticketId, accountId, severity, command.severity(),
                sla.dueAt(openedAt, command.severity()), command.escalatedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveTicket command, Clock clock) {
        requireActor(command.resolvedBy(), "resolvedBy");
        refuseIfResolved();
        apply(new TicketResolved(ticketId, accountId, command.resolvedBy(), clock.instant()));
    }

    /** Does nothing unless the current deadline has passed unresolved and was not reported yet. */
    @CommandHandler
    public void handle(RecordSlaBreach command) {
        if (resolved || slaDueAt.equals(breachedDeadline) || command.observedAt().isBefore(slaDueAt)) {
            return;
        }
        apply(new TicketSlaBreached(ticketId, accountId, severity, slaDueAt, slaDueAt));
    }

    @EventSourcingHandler
    void on(TicketOpened opened) {
        ticketId = opened.ticketId();
        accountId = opened.accountId();
        severity = opened.severity();
        openedAt = opened.validFrom();
        slaDueAt = opened.slaDueAt();
    }

    @EventSourcingHandler
    void on(TicketEscalated escalated) {
        severity = escalated.severity();
        slaDueAt = escalated.slaDueAt();
    }

    @EventSourcingHandler
    void on(TicketResolved resolution) {
        resolved = true;
    }

    @EventSourcingHandler
    void on(TicketSlaBreached breach) {
        breachedDeadline = breach.slaDueAt();
    }

    private void refuseIfResolved() {
        if (resolved) {
            throw RuleViolation.conflict("ticketId", "Ticket " + ticketId + " is already resolved.");
        }
    }

    private static void requireActor(String teamMemberId, String field) {
        if (teamMemberId == null || teamMemberId.isBlank()) {
            throw RuleViolation.invalid(field, field + " is required: the team member who does this");
        }
    }
}
