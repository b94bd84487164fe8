package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState.Relationship;
import org.relationshipledger.mapping.accountmap.RelationshipType;

/**
 * Contacts ranked by influence: PageRank over a "power flows to" graph built from DEFERS_TO (the deferring contact
 * lends power to the one deferred to) and INFLUENCES (the influenced contact lends power to the influencer), each
 * edge weighted by strength. OPPOSES carries no power and is left out (ADR 0023).
 */
public final class PowerRanking {

    public record Entry(int rank, String contactId, String label, double influence, boolean decisionMaker,
                        boolean economicBuyer) {
    }

    public record View(String accountId, Instant asOf, List<Entry> ranking) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, ranking);
        }
    }

    private PowerRanking() {
    }

    /** Influence per present contact, scaled so the most influential contact has 1.0. */
    public static Map<String, Double> influence(Picture picture) {
        Graph<String, DefaultWeightedEdge> power = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        picture.contacts().keySet().forEach(power::addVertex);
        for (Relationship relationship : picture.relationships()) {
            if (relationship.type() == RelationshipType.DEFERS_TO) {
                lend(power, relationship.fromContactId(), relationship.toContactId(), relationship.strength());
            } else if (relationship.type() == RelationshipType.INFLUENCES) {
                lend(power, relationship.toContactId(), relationship.fromContactId(), relationship.strength());
            }
        }
        Map<String, Double> scores = power.vertexSet().isEmpty() ? Map.of() : new PageRank<>(power).getScores();
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        Map<String, Double> scaled = new LinkedHashMap<>();
        scores.forEach((id, score) -> scaled.put(id, round(score / max)));
        return scaled;
    }

    public static View of(Picture picture) {
        Map<String, Double> influence = influence(picture);
        AtomicInteger rank = new AtomicInteger();
        List<Entry> ranking = influence.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Entry(rank.incrementAndGet(), e.getKey(), picture.label(e.getKey()), e.getValue(),
                        hasRole(picture, e.getKey(), BuyingRole.DECISION_MAKER),
                        hasRole(picture, e.getKey(), BuyingRole.ECONOMIC_BUYER)))
                .toList();
        return new View(picture.accountId(), picture.asOf(), ranking);
    }

    static Comparator<String> mostInfluentialFirst(Map<String, Double> influence) {
        return Comparator.<String>comparingDouble(id -> influence.getOrDefault(id, 0.0)).reversed()
                .thenComparing(Comparator.naturalOrder());
    }

    private static boolean hasRole(Picture picture, String contactId, BuyingRole role) {
        return picture.role(contactId).filter(r -> r.role() == role).isPresent();
    }

    private static void lend(Graph<String, DefaultWeightedEdge> power, String from, String to, int strength) {
        DefaultWeightedEdge edge = power.getEdge(from, to);
        if (edge == null) {
            power.setEdgeWeight(power.addEdge(from, to), strength);
        } else {
            power.setEdgeWeight(edge, power.getEdgeWeight(edge) + strength);
        }
    }

    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
