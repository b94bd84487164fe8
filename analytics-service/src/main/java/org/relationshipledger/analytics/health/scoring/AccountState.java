package org.relationshipledger.analytics.health.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.RelationshipType;
import org.relationshipledger.contracts.MappingEvent.Stance;

/**
 * What analytics knows about one account after folding its history in recorded order: the inputs of the health
 * score and of the churn KPIs. Folding is the only way to build one, so every view of an account is a function of
 * its events. Mutable while folding, never shared.
 */
public final class AccountState {

    /** Where a contact stands, as far as the score is concerned. */
    public record Contact(boolean active, BuyingRole role, Stance stance, Map<String, Integer> affinityByTeamMember) {

        int bestAffinity() {
            return affinityByTeamMember.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    public record Interaction(Instant occurredAt, int sentiment) {
    }

    public record Ticket(Instant openedAt, Instant resolvedAt, boolean breached, boolean breachedEver) {

        public boolean open() {
            return resolvedAt == null;
        }
    }

    public record Survey(String contactId, SurveyKind kind, int score, Instant answeredAt) {
    }

    public record OwnerChange(Instant at, String ownerId) {
    }

    public record LifecycleChange(Instant at, boolean active) {
    }

    public record ValueChange(Instant at, BigDecimal annualValue, String currency) {
    }

    private final String accountId;
    private String name;
    private Segment segment;
    private final List<LifecycleChange> lifecycle = new ArrayList<>();
    private final List<ValueChange> values = new ArrayList<>();
    private final List<OwnerChange> owners = new ArrayList<>();
    private final Map<String, Interaction> interactions = new LinkedHashMap<>();
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final List<Survey> surveys = new ArrayList<>();
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    /** OPPOSES edges, keyed "from->to", valued by strength. */
    private final Map<String, Integer> opposition = new HashMap<>();
    private final Map<String, String> oppositionSource = new HashMap<>();
    private int eventCount;

    private AccountState(String accountId) {
        this.accountId = accountId;
    }

    public static AccountState of(AccountHistory history) {
        AccountState state = new AccountState(history.accountId());
        history.events().forEach(state::apply);
        return state;
    }

    public static AccountState empty(String accountId) {
        return new AccountState(accountId);
    }

    public AccountState apply(RecordedEvent recorded) {
        eventCount++;
        IntegrationEvent event = recorded.event();
        switch (event) {
            case AccountEvent account -> apply(account);
            case ContactEvent contact -> apply(contact);
            case MappingEvent mapping -> apply(mapping);
            case EngagementEvent engagement -> apply(engagement);
        }
        return this;
    }

    private void apply(AccountEvent event) {
        switch (event) {
            case AccountEvent.AccountOpened opened -> {
                name = opened.name();
                segment = opened.segment();
                lifecycle.add(new LifecycleChange(opened.validFrom(), true));
            }
            case AccountEvent.ContractValueChanged changed ->
                    values.add(new ValueChange(changed.validFrom(), changed.annualValue(), changed.currency()));
            case AccountEvent.AccountRenewed renewed ->
                    values.add(new ValueChange(renewed.validFrom(), renewed.annualValue(), renewed.currency()));
            case AccountEvent.AccountChurned churned -> lifecycle.add(new LifecycleChange(churned.validFrom(), false));
            case AccountEvent.AccountReopened reopened ->
                    lifecycle.add(new LifecycleChange(reopened.validFrom(), true));
        }
    }

    private void apply(ContactEvent event) {
        switch (event) {
            case ContactEvent.ContactAdded added -> contacts.compute(added.contactId(),
                    (id, known) -> known == null ? new Contact(true, null, null, Map.of())
                            : new Contact(true, known.role(), known.stance(), known.affinityByTeamMember()));
            case ContactEvent.ContactDetailsChanged ignored -> {
                // Title and department do not enter the score; seniority is not used either (buying roles are).
            }
            case ContactEvent.ContactIdentityChanged ignored -> {
                // Who the contact is never enters the score.
            }
            case ContactEvent.ContactLeft left -> contacts.computeIfPresent(left.contactId(),
                    (id, known) -> new Contact(false, known.role(), known.stance(), known.affinityByTeamMember()));
            case ContactEvent.ContactErased erased -> forget(erased.contactId());
            case ContactEvent.ContactsMerged merged -> merge(merged.survivingContactId(), merged.mergedContactId());
        }
    }

    private void apply(MappingEvent event) {
        switch (event) {
            case MappingEvent.BuyingRoleAssigned assigned -> {
                Contact known = contact(assigned.contactId());
                contacts.put(assigned.contactId(), new Contact(known.active(), assigned.role(), assigned.stance(),
                        known.affinityByTeamMember()));
            }
            case MappingEvent.AffinityRated rated -> {
                Contact known = contact(rated.contactId());
                Map<String, Integer> affinity = new LinkedHashMap<>(known.affinityByTeamMember());
                affinity.put(rated.teamMemberId(), rated.score());
                contacts.put(rated.contactId(), new Contact(known.active(), known.role(), known.stance(),
                        Map.copyOf(affinity)));
            }
            case MappingEvent.RelationshipChanged changed -> {
                if (changed.type() == RelationshipType.OPPOSES) {
                    String edge = changed.fromContactId() + "->" + changed.toContactId();
                    opposition.put(edge, changed.strength());
                    oppositionSource.put(edge, changed.fromContactId());
                }
            }
            case MappingEvent.RelationshipEnded ended -> {
                if (ended.type() == RelationshipType.OPPOSES) {
                    String edge = ended.fromContactId() + "->" + ended.toContactId();
                    opposition.remove(edge);
                    oppositionSource.remove(edge);
                }
            }
            case MappingEvent.ReportingLineSet ignored -> {
                // The org chart is mapping-service's view; the score looks at roles, affinity and opposition.
            }
            case MappingEvent.ReportingLineRemoved ignored -> {
            }
            case MappingEvent.InterestRecorded ignored -> {
                // Interests inform the account plan; the score looks at roles, affinity and opposition.
            }
            case MappingEvent.CoalitionFormed ignored -> {
            }
            case MappingEvent.CoalitionChanged ignored -> {
            }
        }
    }

    private void apply(EngagementEvent event) {
        switch (event) {
            case EngagementEvent.InteractionLogged logged -> interactions.put(logged.interactionId(),
                    new Interaction(logged.validFrom(), logged.sentiment()));
            case EngagementEvent.InteractionRetracted retracted -> interactions.remove(retracted.interactionId());
            case EngagementEvent.TicketOpened opened -> tickets.merge(opened.ticketId(),
                    new Ticket(opened.validFrom(), null, false, false),
                    (known, fresh) -> new Ticket(fresh.openedAt(), known.resolvedAt(), known.breached(),
                            known.breachedEver()));
            case EngagementEvent.TicketEscalated ignored -> {
                // A new deadline; a breach of it arrives as its own event.
            }
            case EngagementEvent.TicketSlaBreached breached -> tickets.compute(breached.ticketId(),
                    (id, known) -> known == null ? new Ticket(breached.validFrom(), null, true, true)
                            : new Ticket(known.openedAt(), known.resolvedAt(), known.open(), true));
            case EngagementEvent.TicketResolved resolved -> tickets.compute(resolved.ticketId(),
                    (id, known) -> known == null ? new Ticket(resolved.validFrom(), resolved.validFrom(), false, false)
                            : new Ticket(known.openedAt(), resolved.validFrom(), false, known.breachedEver()));
            case EngagementEvent.SurveyAnswered answered -> surveys.add(new Survey(answered.contactId(),
                    answered.kind(), answered.score(), answered.validFrom()));
            case EngagementEvent.AccountOwnerAssigned assigned ->
                    owners.add(new OwnerChange(assigned.validFrom(), assigned.ownerId()));
            case EngagementEvent.HandoverDone handover ->
                    owners.add(new OwnerChange(handover.validFrom(), handover.toOwnerId()));
        }
    }

    private Contact contact(String contactId) {
        return contacts.getOrDefault(contactId, new Contact(true, null, null, Map.of()));
    }

    private void forget(String contactId) {
        contacts.remove(contactId);
        surveys.replaceAll(survey -> contactId.equals(survey.contactId())
                ? new Survey(null, survey.kind(), survey.score(), survey.answeredAt()) : survey);
    }

    private void merge(String survivingId, String mergedId) {
        Contact merged = contacts.remove(mergedId);
        if (merged != null) {
            Contact surviving = contact(survivingId);
            Map<String, Integer> affinity = new LinkedHashMap<>(merged.affinityByTeamMember());
            surviving.affinityByTeamMember().forEach((member, score) -> affinity.merge(member, score, Math::max));
            contacts.put(survivingId, new Contact(surviving.active(),
                    surviving.role() != null ? surviving.role() : merged.role(),
                    surviving.stance() != null ? surviving.stance() : merged.stance(), Map.copyOf(affinity)));
        }
        surveys.replaceAll(survey -> mergedId.equals(survey.contactId())
                ? new Survey(survivingId, survey.kind(), survey.score(), survey.answeredAt()) : survey);
        Map<String, Integer> repointed = new HashMap<>();
        Map<String, String> repointedSource = new HashMap<>();
        opposition.forEach((edge, strength) -> {
            String[] ends = edge.split("->", 2);
            String from = ends[0].equals(mergedId) ? survivingId : ends[0];
            String to = ends[1].equals(mergedId) ? survivingId : ends[1];
            if (!from.equals(to)) {
                repointed.merge(from + "->" + to, strength, Math::max);
                repointedSource.put(from + "->" + to, from);
            }
        });
        opposition.clear();
        opposition.putAll(repointed);
        oppositionSource.clear();
        oppositionSource.putAll(repointedSource);
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public Segment segment() {
        return segment;
    }

    public int eventCount() {
        return eventCount;
    }

    public boolean churned() {
        return !lifecycle.isEmpty() && !lifecycle.getLast().active();
    }

    public String currentOwner() {
        return owners.isEmpty() ? null : owners.getLast().ownerId();
    }

    public List<LifecycleChange> lifecycle() {
        return List.copyOf(lifecycle);
    }

    public List<ValueChange> values() {
        return List.copyOf(values);
    }

    public List<OwnerChange> owners() {
        return List.copyOf(owners);
    }

    public List<Interaction> interactions() {
        return List.copyOf(interactions.values());
    }

    public Map<String, Ticket> tickets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tickets));
    }

    public List<Survey> surveys() {
        return List.copyOf(surveys);
    }

    public Map<String, Contact> contacts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
    }

    /** What the health formula reads of this state; see {@link HealthInputs}. */
    public HealthInputs healthInputs() {
        Map<String, Integer> opposing = oppositionByContact();
        List<HealthInputs.Standing> standings = new ArrayList<>(contacts.size());
        contacts.forEach((id, contact) -> standings.add(new HealthInputs.Standing(id, contact.active(),
                contact.role(), contact.stance(), contact.bestAffinity(), opposing.getOrDefault(id, 0))));
        return new HealthInputs(accountId, eventCount, List.copyOf(interactions.values()),
                List.copyOf(tickets.values()), surveys, standings, owners);
    }

    /** Strongest opposition each contact shows towards anyone, by contact id. */
    Map<String, Integer> oppositionByContact() {
        Map<String, Integer> strongest = new HashMap<>();
        opposition.forEach((edge, strength) -> strongest.merge(oppositionSource.get(edge), strength, Math::max));
        return strongest;
    }
}
