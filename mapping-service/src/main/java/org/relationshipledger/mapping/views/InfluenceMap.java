package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.CoalitionAlignment;
import org.relationshipledger.mapping.accountmap.Horizon;
import org.relationshipledger.mapping.accountmap.InterestKind;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;
import org.relationshipledger.mapping.accountmap.RelationshipReason;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.Stance;

/**
 * Nodes and typed weighted edges ready for a graph view, with a heat per contact for heat maps:
 * {@code heat = influence × stance × affinity}, where stance is +1 ally, +0.5 neutral or unknown, −1 opponent,
 * and affinity is (1 + best team score) / 6 so a contact nobody knows still shows their influence (ADR 0023).
 * Heat runs from −1 (an influential opponent) to +1 (an influential ally our team knows well).
 */
public final class InfluenceMap {

    /**
     * @param affinities every team member's current rating, side by side (a handover adds, never overwrites)
     * @param interests  the contact's needs, concerns and fears with their horizon
     */
    public record Node(String contactId, String label, BuyingRole role, Stance stance, BestAffinity bestAffinity,
                       List<TeamAffinity> affinities, List<InterestView> interests, double influence, double heat,
                       List<String> coalitionIds) {
    }

    public record TeamAffinity(String teamMemberId, int score, String note) {
    }

    public record InterestView(String interestId, InterestKind kind, Horizon horizon, String text) {
    }

    public record Edge(String fromContactId, String toContactId, RelationshipType type, int strength,
                       RelationshipReason reason, String reasonNote, String evidenceNote) {
    }

    public record CoalitionView(String coalitionId, String name, CoalitionAlignment alignment, List<String> memberIds) {
    }

    public record View(String accountId, Instant asOf, List<Node> nodes, List<Edge> edges,
                       List<CoalitionView> coalitions) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, nodes, edges, coalitions);
        }
    }

    private InfluenceMap() {
    }

    public static View of(Picture picture) {
        Map<String, Double> influence = PowerRanking.influence(picture);
        Map<String, List<String>> memberships = new LinkedHashMap<>();
        List<CoalitionView> coalitions = picture.coalitions().stream().map(c -> {
            c.memberIds().forEach(m -> memberships.computeIfAbsent(m, x -> new ArrayList<>()).add(c.coalitionId()));
            return new CoalitionView(c.coalitionId(), c.name(), c.alignment(), c.memberIds());
        }).toList();
        List<Node> nodes = picture.contacts().keySet().stream().map(id -> {
            RoleAssignment role = picture.roles().get(id);
            Stance stance = role == null ? null : role.stance();
            double score = influence.getOrDefault(id, 0.0);
            return new Node(id, picture.label(id), role == null ? null : role.role(), stance,
                    BestAffinity.of(picture.bestAffinity(id)),
                    picture.affinities().getOrDefault(id, List.of()).stream()
                            .map(a -> new TeamAffinity(a.teamMemberId(), a.score(), a.note())).toList(),
                    picture.interests().getOrDefault(id, List.of()).stream()
                            .map(i -> new InterestView(i.interestId(), i.kind(), i.horizon(), i.text())).toList(),
                    score, heat(score, stance, picture.bestScore(id)),
                    memberships.getOrDefault(id, List.of()));
        }).toList();
        List<Edge> edges = picture.relationships().stream()
                .map(r -> new Edge(r.fromContactId(), r.toContactId(), r.type(), r.strength(), r.reason(),
                        r.reasonNote(), r.evidenceNote()))
                .toList();
        return new View(picture.accountId(), picture.asOf(), nodes, edges, coalitions);
    }

    static double heat(double influence, Stance stance, int bestAffinity) {
        double towardsUs = stance == null ? 0.5 : switch (stance) {
            case ALLY -> 1.0;
            case NEUTRAL -> 0.5;
            case OPPONENT -> -1.0;
        };
        return PowerRanking.round(influence * towardsUs * (1 + bestAffinity) / 6.0);
    }
}
