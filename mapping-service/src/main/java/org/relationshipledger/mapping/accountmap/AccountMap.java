package org.relationshipledger.mapping.accountmap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashSet;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;

/**
 * One map per account (stream id = account id): reporting lines, relationships, buying roles, interests,
 * coalitions and our team's affinities. A map comes into being with its first fact, so no command "opens" it.
 * Every rule is checked before anything is applied, so a refused command writes nothing.
 */
@Aggregate(cache = "accountMapCache")
public class AccountMap {

    static final int MAX_TEXT = 500;
    static final int MAX_MEMBERS = 200;

    @AggregateIdentifier
    private String accountId;

    private final MapState state = new MapState();

    protected AccountMap() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.SetReportingLine command, ContactDirectory contacts) {
        require(command.kind() != null, "kind", "kind is required");
        if (command.contactId().equals(command.managerId())) {
            throw RuleViolation.unprocessable("managerId", "a contact cannot report to themselves");
        }
        requireActive(contacts, command.accountId(), "contactId", command.contactId());
        requireActive(contacts, command.accountId(), "managerId", command.managerId());
        if (state.line(command.contactId(), command.managerId()).filter(l -> l.kind() == command.kind()).isPresent()) {
            return;
        }
        state.cycleClosedBy(command.contactId(), command.managerId()).ifPresent(cycle -> {
            throw RuleViolation.unprocessable("managerId",
                    "this line would close the reporting cycle " + String.join(" → ", cycle));
        });
        apply(new AccountMapEvent.ReportingLineSet(command.accountId(), command.contactId(), command.managerId(),
                command.kind(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.RemoveReportingLine command) {
        if (state.line(command.contactId(), command.managerId()).isEmpty()) {
            throw RuleViolation.notFound("managerId",
                    "%s has no reporting line to %s".formatted(command.contactId(), command.managerId()));
        }
        apply(new AccountMapEvent.ReportingLineRemoved(command.accountId(), command.contactId(), command.managerId(),
                command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.ChangeRelationship command, ContactDirectory contacts) {
        require(command.type() != null, "type", "type is required");
        require(command.reason() != null, "reason", "reason is required");
        require(command.strength() >= 1 && command.strength() <= 5, "strength",
                "strength must be between 1 and 5, was " + command.strength());
        requireText(command.reasonNote(), "reasonNote", false);
        requireText(command.evidenceNote(), "evidenceNote", false);
        if (command.fromContactId().equals(command.toContactId())) {
            throw RuleViolation.unprocessable("toContactId", "a contact cannot have a relationship with themselves");
        }
        requireActive(contacts, command.accountId(), "fromContactId", command.fromContactId());
        requireActive(contacts, command.accountId(), "toContactId", command.toContactId());
        apply(new AccountMapEvent.RelationshipChanged(command.accountId(), command.fromContactId(),
                command.toContactId(), command.type(), command.strength(), command.reason(), command.reasonNote(),
                command.evidenceNote(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.EndRelationship command) {
        require(command.type() != null, "type", "type is required");
        if (state.relationship(command.fromContactId(), command.toContactId(), command.type()).isEmpty()) {
            throw RuleViolation.notFound("type", "no %s relationship from %s to %s".formatted(
                    command.type(), command.fromContactId(), command.toContactId()));
        }
        apply(new AccountMapEvent.RelationshipEnded(command.accountId(), command.fromContactId(),
                command.toContactId(), command.type(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.AssignBuyingRole command, ContactDirectory contacts) {
        require(command.role() != null, "role", "role is required");
        require(command.stance() != null, "stance", "stance is required");
        requireActive(contacts, command.accountId(), "contactId", command.contactId());
        apply(new AccountMapEvent.BuyingRoleAssigned(command.accountId(), command.contactId(), command.role(),
                command.stance(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.RecordInterest command, ContactDirectory contacts) {
        require(command.kind() != null, "kind", "kind is required");
        require(command.horizon() != null, "horizon", "horizon is required");
        requireText(command.text(), "text", true);
        if (state.hasInterest(command.interestId())) {
            throw RuleViolation.conflict("interestId", "interest " + command.interestId() + " is already recorded");
        }
        requireActive(contacts, command.accountId(), "contactId", command.contactId());
        apply(new AccountMapEvent.InterestRecorded(command.accountId(), command.interestId(), command.contactId(),
                command.kind(), command.horizon(), command.text(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.FormCoalition command, ContactDirectory contacts) {
        if (state.coalitions().containsKey(command.coalitionId())) {
            throw RuleViolation.conflict("coalitionId", "coalition " + command.coalitionId() + " already exists");
        }
        List<String> members = checkedCoalition(command.accountId(), command.name(), command.alignment(),
                command.memberIds(), contacts);
        apply(new AccountMapEvent.CoalitionFormed(command.accountId(), command.coalitionId(), command.name(),
                command.alignment(), members, command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.ChangeCoalition command, ContactDirectory contacts) {
        if (!state.coalitions().containsKey(command.coalitionId())) {
            throw RuleViolation.notFound("coalitionId", "no coalition " + command.coalitionId());
        }
        List<String> members = checkedCoalition(command.accountId(), command.name(), command.alignment(),
                command.memberIds(), contacts);
        apply(new AccountMapEvent.CoalitionChanged(command.accountId(), command.coalitionId(), command.name(),
                command.alignment(), members, command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.RateAffinity command, ContactDirectory contacts) {
        require(command.score() >= 0 && command.score() <= 5, "score",
                "score must be between 0 and 5, was " + command.score());
        require(command.teamMemberId() != null && !command.teamMemberId().isBlank(), "teamMemberId",
                "teamMemberId is required");
        requireText(command.note(), "note", false);
        requireActive(contacts, command.accountId(), "contactId", command.contactId());
        apply(new AccountMapEvent.AffinityRated(command.accountId(), command.contactId(), command.teamMemberId(),
                command.score(), command.note(), command.validFrom()));
    }

    @EventSourcingHandler
    void on(AccountMapEvent event) {
        accountId = event.accountId();
        state.apply(event);
    }

    private List<String> checkedCoalition(String account, String name, CoalitionAlignment alignment,
                                          List<String> memberIds, ContactDirectory contacts) {
        requireText(name, "name", true);
        require(alignment != null, "alignment", "alignment is required");
        require(memberIds != null && !memberIds.isEmpty(), "memberIds", "a coalition needs at least one member");
        require(memberIds.size() <= MAX_MEMBERS, "memberIds", "a coalition has at most " + MAX_MEMBERS + " members");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(memberIds));
        distinct.forEach(member -> requireActive(contacts, account, "memberIds", member));
        return distinct;
    }

    private static void requireActive(ContactDirectory contacts, String account, String field, String contactId) {
        switch (contacts.standing(account, contactId)) {
            case ACTIVE -> {
            }
            case UNKNOWN -> throw RuleViolation.notFound(field,
                    "%s is not a contact of account %s".formatted(contactId, account));
            case LEFT -> throw RuleViolation.conflict(field, "%s has left account %s".formatted(contactId, account));
            case ERASED -> throw RuleViolation.conflict(field, "%s was erased".formatted(contactId));
            case MERGED -> throw RuleViolation.conflict(field,
                    "%s was merged into another contact; use the surviving contact".formatted(contactId));
        }
    }

    private static void require(boolean holds, String field, String message) {
        if (!holds) {
            throw RuleViolation.invalid(field, message);
        }
    }

    private static void requireText(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            require(!required, field, field + " is required");
            return;
        }
        require(text.length() <= MAX_TEXT, field, field + " is at most " + MAX_TEXT + " characters");
    }
}
