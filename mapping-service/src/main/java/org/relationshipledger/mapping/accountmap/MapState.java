package org.relationshipledger.mapping.accountmap;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The fold of an account map's events: the one place that says what an event means. The aggregate decides with
 * it and every query answers from it, so "live" and "as of" can never disagree about what an event did.
 * Mutable for speed (a 10,000-edge account folds in one pass); callers that share it must synchronise.
 */
public final class MapState {

    public record ReportingLine(String contactId, String managerId, ReportingLineKind kind, Instant validFrom) {
    }

    public record Relationship(String fromContactId, String toContactId, RelationshipType type, int strength,
                               RelationshipReason reason, String reasonNote, String evidenceNote, Instant validFrom) {
    }

    public record RoleAssignment(String contactId, BuyingRole role, Stance stance, Instant validFrom) {
    }

    public record Interest(String interestId, String contactId, InterestKind kind, Horizon horizon, String text,
                           Instant validFrom) {
    }

    public record Coalition(String coalitionId, String name, CoalitionAlignment alignment, List<String> memberIds,
                            Instant validFrom) {
    }

    public record Affinity(String contactId, String teamMemberId, int score, String note, Instant validFrom) {
    }

    private record LineKey(String contactId, String managerId) {
    }

    private record EdgeKey(String from, String to, RelationshipType type) {
    }

    private final Map<LineKey, ReportingLine> lines = new LinkedHashMap<>();
    /** Each contact's managers, in the order their lines were set: the cycle check walks it upwards. */
    private final Map<String, Set<String>> managersOf = new LinkedHashMap<>();
    private final Map<EdgeKey, Relationship> relationships = new LinkedHashMap<>();
    private final Map<String, RoleAssignment> roles = new LinkedHashMap<>();
    private final Map<String, Interest> interests = new LinkedHashMap<>();
    private final Map<String, Coalition> coalitions = new LinkedHashMap<>();
    private final Map<String, Map<String, Affinity>> affinities = new LinkedHashMap<>();
    private long applied;

    public MapState apply(AccountMapEvent event) {
        switch (event) {
            case AccountMapEvent.ReportingLineSet set -> {
                lines.put(new LineKey(set.contactId(), set.managerId()),
                        new ReportingLine(set.contactId(), set.managerId(), set.kind(), set.validFrom()));
                managersOf.computeIfAbsent(set.contactId(), c -> new LinkedHashSet<>()).add(set.managerId());
            }
            case AccountMapEvent.ReportingLineRemoved removed -> {
                lines.remove(new LineKey(removed.contactId(), removed.managerId()));
                Set<String> managers = managersOf.getOrDefault(removed.contactId(), Set.of());
                if (managers.remove(removed.managerId()) && managers.isEmpty()) {
                    managersOf.remove(removed.contactId());
                }
            }
            case AccountMapEvent.RelationshipChanged changed -> relationships.put(
                    new EdgeKey(changed.fromContactId(), changed.toContactId(), changed.type()),
                    new Relationship(changed.fromContactId(), changed.toContactId(), changed.type(),
                            changed.strength(), changed.reason(), changed.reasonNote(), changed.evidenceNote(),
                            changed.validFrom()));
            case AccountMapEvent.RelationshipEnded ended ->
                    relationships.remove(new EdgeKey(ended.fromContactId(), ended.toContactId(), ended.type()));
            case AccountMapEvent.BuyingRoleAssigned assigned -> roles.put(assigned.contactId(),
                    new RoleAssignment(assigned.contactId(), assigned.role(), assigned.stance(), assigned.validFrom()));
            case AccountMapEvent.InterestRecorded recorded -> interests.put(recorded.interestId(),
                    new Interest(recorded.interestId(), recorded.contactId(), recorded.kind(), recorded.horizon(),
                            recorded.text(), recorded.validFrom()));
            case AccountMapEvent.CoalitionFormed formed -> coalitions.put(formed.coalitionId(),
                    new Coalition(formed.coalitionId(), formed.name(), formed.alignment(), formed.memberIds(),
                            formed.validFrom()));
            case AccountMapEvent.CoalitionChanged changed -> coalitions.put(changed.coalitionId(),
                    new Coalition(changed.coalitionId(), changed.name(), changed.alignment(), changed.memberIds(),
                            changed.validFrom()));
            case AccountMapEvent.AffinityRated rated ->
                    affinities.computeIfAbsent(rated.contactId(), c -> new LinkedHashMap<>()).put(rated.teamMemberId(),
                            new Affinity(rated.contactId(), rated.teamMemberId(), rated.score(), rated.note(),
                                    rated.validFrom()));
        }
        applied++;
        return this;
    }

    /**
     * The cycle a new line {@code contactId → managerId} would close, as the contacts along it starting and ending
     * with {@code contactId}; empty if the line keeps the hierarchy acyclic.
     */
    public Optional<List<String>> cycleClosedBy(String contactId, String managerId) {
        if (contactId.equals(managerId)) {
            return Optional.of(List.of(contactId, contactId));
        }
        // Breadth first up the hierarchy from the would-be manager: only their superiors are visited, so the check
        // costs the height of the hierarchy, not its size.
        Map<String, String> reachedFrom = new HashMap<>();
        reachedFrom.put(managerId, managerId);
        Deque<String> frontier = new ArrayDeque<>(List.of(managerId));
        while (!frontier.isEmpty()) {
            String at = frontier.removeFirst();
            for (String superior : managersOf.getOrDefault(at, Set.of())) {
                if (reachedFrom.putIfAbsent(superior, at) != null) {
                    continue;
                }
                if (superior.equals(contactId)) {
                    List<String> back = new ArrayList<>();
                    for (String step = contactId; !step.equals(managerId); step = reachedFrom.get(step)) {
                        back.add(step);
                    }
                    back.add(managerId);
                    back.add(contactId);
                    return Optional.of(List.copyOf(back.reversed()));
                }
                frontier.addLast(superior);
            }
        }
        return Optional.empty();
    }

    /**
     * The reporting hierarchy, edges pointing from a contact to their manager. Built on demand rather than kept:
     * JGraphT edges compare by identity, which would defeat the fixture's check that sourcing rebuilds the state.
     */
    public Graph<String, DefaultEdge> hierarchy() {
        Graph<String, DefaultEdge> hierarchy = new DefaultDirectedGraph<>(DefaultEdge.class);
        lines.keySet().forEach(line -> {
            hierarchy.addVertex(line.contactId());
            hierarchy.addVertex(line.managerId());
            hierarchy.addEdge(line.contactId(), line.managerId());
        });
        return hierarchy;
    }

    public Optional<ReportingLine> line(String contactId, String managerId) {
        return Optional.ofNullable(lines.get(new LineKey(contactId, managerId)));
    }

    public Optional<Relationship> relationship(String from, String to, RelationshipType type) {
        return Optional.ofNullable(relationships.get(new EdgeKey(from, to, type)));
    }

    public Collection<ReportingLine> lines() {
        return Collections.unmodifiableCollection(lines.values());
    }

    public Collection<Relationship> relationships() {
        return Collections.unmodifiableCollection(relationships.values());
    }

    public Map<String, RoleAssignment> roles() {
        return Collections.unmodifiableMap(roles);
    }

    public Collection<Interest> interests() {
        return Collections.unmodifiableCollection(interests.values());
    }

    public Map<String, Coalition> coalitions() {
        return Collections.unmodifiableMap(coalitions);
    }

    public boolean hasInterest(String interestId) {
        return interests.containsKey(interestId);
    }

    public Optional<Affinity> affinity(String contactId, String teamMemberId) {
        return Optional.ofNullable(affinities.getOrDefault(contactId, Map.of()).get(teamMemberId));
    }

    /** Every team member's current rating of the contact, side by side. */
    public List<Affinity> affinities(String contactId) {
        return List.copyOf(affinities.getOrDefault(contactId, Map.of()).values());
    }

    /** Every contact the map names anywhere. */
    public Set<String> namedContacts() {
        Set<String> named = new LinkedHashSet<>();
        lines.values().forEach(l -> {
            named.add(l.contactId());
            named.add(l.managerId());
        });
        relationships.values().forEach(r -> {
            named.add(r.fromContactId());
            named.add(r.toContactId());
        });
        named.addAll(roles.keySet());
        interests.values().forEach(i -> named.add(i.contactId()));
        coalitions.values().forEach(c -> named.addAll(c.memberIds()));
        named.addAll(affinities.keySet());
        return named;
    }

    /** How many events were folded in. */
    public long applied() {
        return applied;
    }
}
