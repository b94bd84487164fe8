package org.relationshipledger.engagement.ticket.api;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.engagement.idempotency.IdempotentSubmissions;
import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.TicketCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

    /** @param openedAt optional: when the client raised the case, if earlier than now */
    record OpenRequest(Severity severity, String subject, String contactId, String openedBy, Instant openedAt) {
    }

    record EscalationRequest(Severity severity, String escalatedBy) {
    }

    record ResolutionRequest(String resolvedBy) {
    }

    private record Fingerprinted(String accountId, OpenRequest body) {
    }

    private final CommandGateway commands;
    private final IdempotentSubmissions submissions;

    TicketController(CommandGateway commands, IdempotentSubmissions submissions) {
        this.commands = commands;
        this.submissions = submissions;
    }

    @PostMapping("/accounts/{accountId}/tickets")
    ResponseEntity<Map<String, String>> open(@PathVariable String accountId, @RequestBody OpenRequest request,
                                             @RequestHeader(name = IdempotentSubmissions.HEADER, required = false)
                                             String idempotencyKey) {
        IdempotentSubmissions.Submitted submitted = submissions.submit(idempotencyKey, "ticket",
                new Fingerprinted(accountId, request), id -> new TicketCommand.OpenTicket(id, accountId,
                        request.severity(), request.subject(), request.contactId(), request.openedBy(), request.openedAt()));
        return ResponseEntity.created(URI.create("/tickets/" + submitted.id()))
                .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
                .body(Map.of("ticketId", submitted.id()));
    }

    @PostMapping("/tickets/{ticketId}/escalation")
    Map<String, String> escalate(@PathVariable String ticketId, @RequestBody EscalationRequest request) {
        commands.sendAndWait(new TicketCommand.EscalateTicket(ticketId, request.severity(), request.escalatedBy()));
        return Map.of("ticketId", ticketId);
    }

    @PostMapping("/tickets/{ticketId}/resolution")
    Map<String, String> resolve(@PathVariable String ticketId, @RequestBody ResolutionRequest request) {
        commands.sendAndWait(new TicketCommand.ResolveTicket(ticketId, request.resolvedBy()));
        return Map.of("ticketId", ticketId);
    }
}
