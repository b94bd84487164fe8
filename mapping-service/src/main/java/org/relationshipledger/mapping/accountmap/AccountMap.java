package org.relationshipledger.mapping.accountmap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.mapping.accountmap.MapState.Coalition;
import org.relationshipledger.mapping.accountmap.MapState.Interest;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;

/**
 * One map per account (stream id = account id): reporting lines, relationships, buying roles, interests,
 * coalitions and our team's affinities. A map comes into being with its first fact, so no command "opens" it.
 * Every rule is checked before anything is applied, so a refused command writes nothing, and a command that only
 * re-states what the map already holds is accepted and records nothing (a retried request never adds history).
 */
@Aggregate(cache = "accountMapCache")
public class AccountMap {

    static final int MAX_TEXT = 500;
    static final int MAX_MEMBERS = 200;
    /** Metadata on an event that re-states a merged contact's fact for the survivor: the merged contact's id. */
    public static final String MERGED_FROM = "mergedFrom";

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
        if (state.relationship(command.fromContactId(), command.toContactId(), command.type())
                .filter(r -> r.strength() == command.strength() && r.reason() == command.reason()
                        && Objects.equals(r.reasonNote(), command.reasonNote())
                        && Objects.equals(r.evidenceNote(), command.evidenceNote()))
                .isPresent()) {
            return;
        }
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
        RoleAssignment current = state.roles().get(command.contactId());
        if (current != null && current.role() == command.role() && current.stance() == command.stance()) {
            return;
        }
        apply(new AccountMapEvent.BuyingRoleAssigned(command.accountId(), command.contactId(), command.role(),
                command.stance(), command.validFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(AccountMapCommand.RecordInterest command, ContactDirectory contacts) {
        require(command.kind() != null, "kind", "kind is required");
        require(command.horizon() != null, "horizon", "horizon is required");
        requireText(command.text(), "text", true);
        requireActive(contacts, command.accountId(), "contactId", command.contactId());
        Optional<Interest> same = state.interests().stream()
                .filter(i -> i.contactId().equals(command.contactId()) && i.kind() == command.kind()
                        && i.horizon() == command.horizon() && i.text().equals(command.text()))
                .findFirst();
        if (same.isPresent()) {
            return same.get().interestId();
        }
        if (state.hasInterest(command.interestId())) {
            throw RuleViolation.conflict("interestId", "interest " + command.interestId() + " is already recorded");
        }
        apply(new AccountMapEvent.InterestRecorded(command.accountId(), command.interestId(), command.contactId(),
                command.kind(), command.horizon(), command.text(), command.validFrom()));
        return command.interestId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(AccountMapCommand.FormCoalition command, ContactDirectory contacts) {
        List<String> members = checkedCoalition(command.accountId(), command.name(), command.alignment(),
                command.memberIds(), contacts);
        Optional<Coalition> same = state.coalitions().values().stream()
                .filter(c -> sameCoalition(c, command.name(), command.alignment(), members)).findFirst();
        if (same.isPresent()) {
            return same.get().coalitionId();
        }
        if (state.coalitions().containsKey(command.coalitionId())) {
            throw RuleViolation.conflict("coalitionId", "coalition " + command.coalitionId() + " already exists");
        }
        apply(new AccountMapEvent.CoalitionFormed(command.accountId(), command.coalitionId(), command.name(),
                command.alignment(), members, command.validFrom()));
        return command.coalitionId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AccountMapCommand.ChangeCoalition command, ContactDirectory contacts) {
        if (!state.coalitions().containsKey(command.coalitionId())) {
            throw RuleViolation.notFound("coalitionId", "no coalition " + command.coalitionId());
        }
        List<String> members = checkedCoalition(command.accountId(), command.name(), command.alignment(),
                command.memberIds(), contacts);
        if (sameCoalition(state.coalitions().get(command.coalitionId()), command.name(), command.alignment(),
                members)) {
            return;
        }
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
        if (state.affinity(command.contactId(), command.teamMemberId())
                .filter(a -> a.score() == command.score() && Objects.equals(a.note(), command.note())).isPresent()) {
            return;
        }
        apply(new AccountMapEvent.AffinityRated(command.accountId(), command.contactId(), command.teamMemberId(),
                command.score(), command.note(), command.validFrom()));
    }

    /**
     * Re-states the merged contact's facts for the survivor as new events (metadata {@code mergedFrom}); the merged
     * contact's own history stays as it was. A fact is left behind, and the outcome says why, when it would become a
     * self-edge or close a reporting cycle, when the other contact is no longer at the account, or when the survivor
     * already holds a fact of that kind (their own line, relationship, role or rating wins). Carrying over twice
     * finds everything already there and records nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    MergeCarryOver handle(AccountMapCommand.CarryOverMergedContact command, ContactDirectory contacts) {
        String survivor = command.survivingContactId();
        String merged = command.mergedContactId();
        String account = command.accountId();
        Instant at = command.validFrom();
        MetaData from = MetaData.with(MERGED_FROM, merged);
        List<String> carried = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (survivor.equals(merged)) {
            throw RuleViolation.invalid("mergedContactId", "a contact cannot be merged into itself");
        }
        ContactDirectory.ContactStanding survivorStanding = contacts.standing(account, survivor);
        if (survivorStanding != ContactDirectory.ContactStanding.ACTIVE) {
            skipped.add("everything: the surviving contact %s is %s".formatted(survivor,
                    survivorStanding.name().toLowerCase(Locale.ROOT)));
            return new MergeCarryOver(survivor, merged, carried, skipped);
        }
        Predicate<String> atAccount = contact -> contact.equals(survivor)
                || contacts.standing(account, contact) == ContactDirectory.ContactStanding.ACTIVE;

        for (MapState.ReportingLine line : List.copyOf(state.lines())) {
            boolean up = line.contactId().equals(merged);
            if (!up && !line.managerId().equals(merged)) {
                continue;
            }
            String contact = up ? survivor : line.contactId();
            String manager = up ? line.managerId() : survivor;
            String fact = "reporting line %s → %s (%s)".formatted(contact, manager, line.kind());
            if (contact.equals(manager)) {
                skipped.add(fact + ": would make %s report to themselves".formatted(survivor));
            } else if (!atAccount.test(up ? manager : contact)) {
                skipped.add(fact + ": %s is no longer at the account".formatted(up ? manager : contact));
            } else if (state.line(contact, manager).isPresent()) {
                skipped.add(fact + ": already there");
            } else {
                Optional<List<String>> cycle = state.cycleClosedBy(contact, manager);
                if (cycle.isPresent()) {
                    skipped.add(fact + ": would close the reporting cycle " + String.join(" → ", cycle.get()));
                } else {
                    apply(new AccountMapEvent.ReportingLineSet(account, contact, manager, line.kind(), at), from);
                    carried.add(fact);
                }
            }
        }
        for (MapState.Relationship edge : List.copyOf(state.relationships())) {
            boolean out = edge.fromContactId().equals(merged);
            if (!out && !edge.toContactId().equals(merged)) {
                continue;
            }
            String source = out ? survivor : edge.fromContactId();
            String target = out ? edge.toContactId() : survivor;
            String fact = "%s %s %s (strength %d)".formatted(source, edge.type(), target, edge.strength());
            if (source.equals(target)) {
                skipped.add(fact + ": would be a relationship of %s with themselves".formatted(survivor));
            } else if (!atAccount.test(out ? target : source)) {
                skipped.add(fact + ": %s is no longer at the account".formatted(out ? target : source));
            } else if (state.relationship(source, target, edge.type()).isPresent()) {
                skipped.add(fact + ": %s already has this relationship; it keeps its own".formatted(survivor));
            } else {
                apply(new AccountMapEvent.RelationshipChanged(account, source, target, edge.type(), edge.strength(),
                        edge.reason(), edge.reasonNote(), edge.evidenceNote(), at), from);
                carried.add(fact);
            }
        }
        RoleAssignment role = state.roles().get(merged);
        if (role != null) {
            String fact = "buying role %s, %s".formatted(role.role(), role.stance());
            RoleAssignment own = state.roles().get(survivor);
            if (own == null) {
                apply(new AccountMapEvent.BuyingRoleAssigned(account, survivor, role.role(), role.stance(), at), from);
                carried.add(fact);
            } else {
                skipped.add(fact + ": %s keeps their own role %s, %s".formatted(survivor, own.role(), own.stance()));
            }
        }
        for (Interest interest : List.copyOf(state.interests())) {
            if (!interest.contactId().equals(merged)) {
                continue;
            }
            String id = UUID.nameUUIDFromBytes((interest.interestId() + "→" + survivor)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            String fact = "%s %s interest %s".formatted(interest.horizon(), interest.kind(), interest.interestId());
            if (state.hasInterest(id)) {
                skipped.add(fact + ": already there");
            } else {
                apply(new AccountMapEvent.InterestRecorded(account, id, survivor, interest.kind(), interest.horizon(),
                        interest.text(), at), from);
                carried.add(fact);
            }
        }
        for (Coalition coalition : List.copyOf(state.coalitions().values())) {
            if (!coalition.memberIds().contains(merged)) {
                continue;
            }
            List<String> members = List.copyOf(new LinkedHashSet<>(coalition.memberIds().stream()
                    .map(member -> member.equals(merged) ? survivor : member).toList()));
            apply(new AccountMapEvent.CoalitionChanged(account, coalition.coalitionId(), coalition.name(),
                    coalition.alignment(), members, at), from);
            carried.add("membership of coalition " + coalition.coalitionId());
        }
        for (MapState.Affinity affinity : state.affinities(merged)) {
            String fact = "%s's affinity %d".formatted(affinity.teamMemberId(), affinity.score());
            Optional<MapState.Affinity> own = state.affinity(survivor, affinity.teamMemberId());
            if (own.isPresent()) {
                skipped.add(fact + ": %s keeps their own rating %d by %s".formatted(survivor, own.get().score(),
                        affinity.teamMemberId()));
            } else {
                apply(new AccountMapEvent.AffinityRated(account, survivor, affinity.teamMemberId(), affinity.score(),
                        affinity.note(), at), from);
                carried.add(fact);
            }
        }
        return new MergeCarryOver(survivor, merged, carried, skipped);
    }

    @EventSourcingHandler
    void on(AccountMapEvent event) {
        accountId = event.accountId();
        state.apply(event);
    }

    /** Same name, alignment and members, in any order: re-stating it changes nothing. */
    private static boolean sameCoalition(Coalition coalition, String name, CoalitionAlignment alignment,
                                         List<String> members) {
        return coalition.name().equals(name) && coalition.alignment() == alignment
                && Set.copyOf(coalition.memberIds()).equals(Set.copyOf(members));
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
