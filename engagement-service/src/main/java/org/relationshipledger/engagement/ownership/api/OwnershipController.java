package org.relationshipledger.engagement.ownership.api;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.engagement.ownership.OwnershipCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OwnershipController {

    record AssignmentRequest(String ownerId, String assignedBy) {
    }

    /** @param fromOwnerId the team member asking; only the current owner may hand over */
    record HandoverRequest(String fromOwnerId, String toOwnerId, String note, List<String> openItems) {
    }

    private final CommandGateway commands;

    OwnershipController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/accounts/{accountId}/owner")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> assignFirstOwner(@PathVariable String accountId, @RequestBody AssignmentRequest request) {
        commands.sendAndWait(new OwnershipCommand.AssignFirstOwner(accountId, request.ownerId(),
                request.assignedBy()));
        return Map.of("accountId", accountId, "ownerId", request.ownerId());
    }

    @PostMapping("/accounts/{accountId}/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> handOver(@PathVariable String accountId, @RequestBody HandoverRequest request) {
        commands.sendAndWait(new OwnershipCommand.HandOver(accountId, request.fromOwnerId(), request.toOwnerId(),
                request.note(), request.openItems()));
        return Map.of("accountId", accountId, "ownerId", request.toOwnerId());
    }
}
