package org.relationshipledger.mapping.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.mapping.accountmap.AccountMapCommand;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.CoalitionAlignment;
import org.relationshipledger.mapping.accountmap.Horizon;
import org.relationshipledger.mapping.accountmap.InterestKind;
import org.relationshipledger.mapping.accountmap.RelationshipReason;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Writes to an account's map. Each request becomes one command; the account map decides. Path variables carry no
 * constraints on purpose: any constraint there switches Spring to method validation, whose refusals lack the
 * field-level errors the body's {@code @Valid} gives.
 */
@RestController
@RequestMapping("/accounts/{accountId}")
@Tag(name = "account map", description = "reporting lines, relationships, buying roles, interests, coalitions, affinities")
class AccountMapController {

    static final int ID = 100;
    static final int TEXT = 500;

    record ReportingLineRequest(@NotBlank @Size(max = ID) String contactId, @NotBlank @Size(max = ID) String managerId,
                                @NotNull ReportingLineKind kind, Instant validFrom) {
    }

    record RelationshipRequest(@NotBlank @Size(max = ID) String fromContactId,
                               @NotBlank @Size(max = ID) String toContactId, @NotNull RelationshipType type,
                               @NotNull @Min(1) @Max(5) Integer strength, @NotNull RelationshipReason reason,
                               @Size(max = TEXT) String reasonNote, @Size(max = TEXT) String evidenceNote,
                               Instant validFrom) {
    }

    record RoleRequest(@NotNull BuyingRole role, @NotNull Stance stance, Instant validFrom) {
    }

    record InterestRequest(@NotBlank @Size(max = ID) String contactId, @NotNull InterestKind kind,
                           @NotNull Horizon horizon, @NotBlank @Size(max = TEXT) String text, Instant validFrom) {
    }

    record CoalitionRequest(@NotBlank @Size(max = 120) String name, @NotNull CoalitionAlignment alignment,
                            @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = ID) String> memberIds,
                            Instant validFrom) {
    }

    record AffinityRequest(@NotBlank @Size(max = ID) String contactId, @NotBlank @Size(max = ID) String teamMemberId,
                           @NotNull @Min(0) @Max(5) Integer score, @Size(max = TEXT) String note, Instant validFrom) {
    }

    private final CommandGateway commands;
    private final Clock clock;

    AccountMapController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PutMapping("/reporting-lines")
    @Operation(summary = "Set a reporting line (contact → manager); a line closing a cycle is refused with 422")
    ResponseEntity<Void> setReportingLine(@PathVariable String accountId,
                                          @Valid @RequestBody ReportingLineRequest request) {
        commands.sendAndWait(new AccountMapCommand.SetReportingLine(accountId, request.contactId(),
                request.managerId(), request.kind(), AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/reporting-lines/{contactId}/{managerId}")
    @Operation(summary = "Remove a reporting line")
    ResponseEntity<Void> removeReportingLine(@PathVariable String accountId,
                                             @PathVariable String contactId, @PathVariable String managerId) {
        commands.sendAndWait(new AccountMapCommand.RemoveReportingLine(accountId, contactId, managerId,
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/relationships")
    @Operation(summary = "Create or re-rate the relationship identified by (from, to, type)")
    ResponseEntity<Void> changeRelationship(@PathVariable String accountId,
                                            @Valid @RequestBody RelationshipRequest request) {
        commands.sendAndWait(new AccountMapCommand.ChangeRelationship(accountId, request.fromContactId(),
                request.toContactId(), request.type(), request.strength(), request.reason(), request.reasonNote(),
                request.evidenceNote(), AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/relationships/{fromContactId}/{toContactId}/{type}")
    @Operation(summary = "End a relationship")
    ResponseEntity<Void> endRelationship(@PathVariable String accountId,
                                         @PathVariable String fromContactId, @PathVariable String toContactId,
                                         @PathVariable RelationshipType type) {
        commands.sendAndWait(new AccountMapCommand.EndRelationship(accountId, fromContactId, toContactId, type,
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/roles/{contactId}")
    @Operation(summary = "Assign a contact's buying role and stance, replacing the earlier one")
    ResponseEntity<Void> assignRole(@PathVariable String accountId,
                                    @PathVariable String contactId,
                                    @Valid @RequestBody RoleRequest request) {
        commands.sendAndWait(new AccountMapCommand.AssignBuyingRole(accountId, contactId, request.role(),
                request.stance(), AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/interests")
    @Operation(summary = "Record a contact's need, concern or fear with its horizon")
    ResponseEntity<Map<String, String>> recordInterest(@PathVariable String accountId,
                                                       @Valid @RequestBody InterestRequest request) {
        // An interest already recorded with the same words answers with its id and records nothing.
        String interestId = commands.sendAndWait(new AccountMapCommand.RecordInterest(accountId,
                UUID.randomUUID().toString(), request.contactId(), request.kind(), request.horizon(), request.text(),
                AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.created(URI.create("/accounts/" + accountId + "/interests/" + interestId))
                .body(Map.of("interestId", interestId));
    }

    @PostMapping("/coalitions")
    @Operation(summary = "Form a named coalition aligned with or opposed to our interests")
    ResponseEntity<Map<String, String>> formCoalition(@PathVariable String accountId,
                                                      @Valid @RequestBody CoalitionRequest request) {
        // A coalition already formed with the same name, alignment and members answers with its id.
        String coalitionId = commands.sendAndWait(new AccountMapCommand.FormCoalition(accountId,
                UUID.randomUUID().toString(), request.name(), request.alignment(), request.memberIds(),
                AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.created(URI.create("/accounts/" + accountId + "/coalitions/" + coalitionId))
                .body(Map.of("coalitionId", coalitionId));
    }

    @PutMapping("/coalitions/{coalitionId}")
    @Operation(summary = "Change a coalition's name, alignment or members (the whole new state)")
    ResponseEntity<Void> changeCoalition(@PathVariable String accountId,
                                         @PathVariable String coalitionId,
                                         @Valid @RequestBody CoalitionRequest request) {
        commands.sendAndWait(new AccountMapCommand.ChangeCoalition(accountId, coalitionId, request.name(),
                request.alignment(), request.memberIds(), AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/affinities")
    @Operation(summary = "Rate how well one of our team members knows a contact (0–5); other members' ratings stay")
    ResponseEntity<Void> rateAffinity(@PathVariable String accountId,
                                      @Valid @RequestBody AffinityRequest request) {
        commands.sendAndWait(new AccountMapCommand.RateAffinity(accountId, request.contactId(),
                request.teamMemberId(), request.score(), request.note(), AsOf.validFrom(request.validFrom(), clock)));
        return ResponseEntity.noContent().build();
    }
}
