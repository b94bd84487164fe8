package org.relationshipledger.engagement.interaction.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.idempotency.IdempotentSubmissions;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.interaction.Direction;
import org.relationshipledger.engagement.interaction.InteractionCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InteractionController {

    /** @param recordedBy the team member logging it */
    record TouchpointRequest(Channel channel, Direction direction, Instant occurredAt, List<String> contactIds,
                             List<String> teamMemberIds, Integer sentiment, String summary, LocalDate followUpOn,
                             String recordedBy, String reason) {

        InteractionCommand.Touchpoint touchpoint() {
            if (sentiment == null) {
                throw RuleViolation.invalid("sentiment", "sentiment is required: -2 to +2, 0 when neutral");
            }
            noGaps("contactIds", contactIds);
            noGaps("teamMemberIds", teamMemberIds);
            return new InteractionCommand.Touchpoint(channel, direction, occurredAt, contactIds, teamMemberIds,
                    sentiment, summary, followUpOn);
        }
    }

    /** A null or blank entry in a list of ids is a malformed request, not a server error. */
    private static void noGaps(String field, List<String> ids) {
        if (ids != null && ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw RuleViolation.invalid(field, "must not contain null or blank ids");
        }
    }

    record RetractionRequest(String retractedBy, String reason) {
    }

    private record Fingerprinted(String accountId, TouchpointRequest body) {
    }

    private final CommandGateway commands;
    private final IdempotentSubmissions submissions;

    InteractionController(CommandGateway commands, IdempotentSubmissions submissions) {
        this.commands = commands;
        this.submissions = submissions;
    }

    @PostMapping("/accounts/{accountId}/interactions")
    ResponseEntity<Map<String, String>> log(@PathVariable String accountId, @RequestBody TouchpointRequest request,
                                            @RequestHeader(name = IdempotentSubmissions.HEADER, required = false)
                                            String idempotencyKey) {
        InteractionCommand.Touchpoint touchpoint = request.touchpoint();
        IdempotentSubmissions.Submitted submitted = submissions.submit(idempotencyKey, "interaction",
                new Fingerprinted(accountId, request),
                id -> new InteractionCommand.LogInteraction(id, accountId, touchpoint, request.recordedBy()));
        return ResponseEntity.created(URI.create("/interactions/" + submitted.id()))
                .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
                .body(Map.of("interactionId", submitted.id()));
    }

    @PostMapping("/interactions/{interactionId}/corrections")
    ResponseEntity<Map<String, String>> correct(@PathVariable String interactionId,
                                                @RequestBody TouchpointRequest request) {
        commands.sendAndWait(new InteractionCommand.CorrectInteraction(interactionId, request.touchpoint(),
                request.recordedBy(), request.reason()));
        return ResponseEntity.ok(Map.of("interactionId", interactionId));
    }

    @PostMapping("/interactions/{interactionId}/retraction")
    ResponseEntity<Map<String, String>> retract(@PathVariable String interactionId,
                                                @RequestBody RetractionRequest request) {
        commands.sendAndWait(new InteractionCommand.RetractInteraction(interactionId, request.retractedBy(),
                request.reason()));
        return ResponseEntity.ok(Map.of("interactionId", interactionId));
    }
}
