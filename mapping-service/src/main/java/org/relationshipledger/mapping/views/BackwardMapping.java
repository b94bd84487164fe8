package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState.Affinity;
import org.relationshipledger.mapping.accountmap.MapState.Relationship;
import org.relationshipledger.mapping.accountmap.RelationshipType;

/**
 * From a contact (the decision maker by default), follow whom they defer to and who influences them to the
 * nearest contacts our team knows well. Paths come shortest first, ties broken by the higher affinity at the end,
 * then by stronger edges, then by preferring deference over influence. A path stops at the first contact our
 * team knows well: going further would only add steps (ADR 0022).
 */
public final class BackwardMapping {

    /** Dominates every tie-break weight, so Dijkstra minimises hops first. */
    private static final double HOP = 100_000.0;

    public record Step(String contactId, String label, String nextContactId, String nextLabel,
                       RelationshipType relationship, int strength, String says) {
    }

    public record Path(String targetContactId, String targetLabel, String teamMemberId, int affinity, int hops,
                       int totalStrength, List<Step> steps) {
    }

    public record View(String accountId, Instant asOf, String fromContactId, int minAffinity, List<Path> paths,
                       String reason) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, fromContactId, minAffinity, paths, reason);
        }
    }

    /** A traversal edge remembers the relationship it follows, whichever way that relationship points. */
    static final class Follows extends DefaultWeightedEdge {
        private final transient Relationship relationship;

        Follows(Relationship relationship) {
            this.relationship = relationship;
        }
    }

    private BackwardMapping() {
    }

    /** @param fromContactId null for the decision maker */
    public static View of(Picture picture, String fromContactId, int minAffinity, int limit) {
        String from = fromContactId;
        if (from == null) {
            List<String> deciders = picture.holding(BuyingRole.DECISION_MAKER);
            if (deciders.isEmpty()) {
                return new View(picture.accountId(), picture.asOf(), null, minAffinity, List.of(),
                        "no decision maker is recorded at this account; name a starting contact with from=");
            }
            from = deciders.getFirst();
        }
        if (!picture.contacts().containsKey(from)) {
            return new View(picture.accountId(), picture.asOf(), from, minAffinity, List.of(),
                    from + " is not at the account at this time");
        }
        Optional<Affinity> own = picture.bestAffinity(from).filter(a -> a.score() >= minAffinity);
        if (own.isPresent()) {
            return new View(picture.accountId(), picture.asOf(), from, minAffinity,
                    List.of(new Path(from, picture.label(from), own.get().teamMemberId(), own.get().score(), 0, 0,
                            List.of())),
                    "our team already knows the starting contact well");
        }

        Graph<String, DefaultWeightedEdge> graph = traversal(picture, minAffinity, from);
        SingleSourcePaths<String, DefaultWeightedEdge> reach = new DijkstraShortestPath<>(graph).getPaths(from);
        List<Path> paths = new ArrayList<>();
        for (String target : graph.vertexSet()) {
            if (target.equals(from) || picture.bestScore(target) < minAffinity) {
                continue;
            }
            GraphPath<String, DefaultWeightedEdge> found = reach.getPath(target);
            if (found != null) {
                paths.add(path(picture, found));
            }
        }
        paths.sort(Comparator.comparingInt(Path::hops)
                .thenComparing(Comparator.comparingInt(Path::affinity).reversed())
                .thenComparing(Comparator.comparingInt(Path::totalStrength).reversed())
                .thenComparing(Path::targetContactId));
        List<Path> shown = paths.stream().limit(limit).toList();
        String reason = shown.isEmpty()
                ? "no contact with team affinity ≥ %d can be reached from %s by deference or influence"
                        .formatted(minAffinity, from)
                : null;
        return new View(picture.accountId(), picture.asOf(), from, minAffinity, shown, reason);
    }

    /**
     * Edges point the way we walk: from a contact to whom they defer to, and to who influences them. No edge
     * leaves a contact our team knows well, so each path ends at the first such contact.
     */
    static Graph<String, DefaultWeightedEdge> traversal(Picture picture, int minAffinity, String from) {
        Graph<String, DefaultWeightedEdge> graph = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
        picture.contacts().keySet().forEach(graph::addVertex);
        for (Relationship r : picture.relationships()) {
            String walker = switch (r.type()) {
                case DEFERS_TO -> r.fromContactId();
                case INFLUENCES -> r.toContactId();
                case OPPOSES -> null;
            };
            if (walker == null || (!walker.equals(from) && picture.bestScore(walker) >= minAffinity)) {
                continue;
            }
            String next = walker.equals(r.fromContactId()) ? r.toContactId() : r.fromContactId();
            Follows edge = new Follows(r);
            graph.addEdge(walker, next, edge);
            double preferDeference = r.type() == RelationshipType.INFLUENCES ? 0.1 : 0.0;
            graph.setEdgeWeight(edge, HOP + (5 - r.strength()) + preferDeference);
        }
        return graph;
    }

    private static Path path(Picture picture, GraphPath<String, DefaultWeightedEdge> found) {
        List<String> vertices = found.getVertexList();
        List<Step> steps = new ArrayList<>();
        int strength = 0;
        for (int i = 0; i < found.getEdgeList().size(); i++) {
            Relationship r = ((Follows) found.getEdgeList().get(i)).relationship;
            String at = vertices.get(i);
            String next = vertices.get(i + 1);
            strength += r.strength();
            String says = r.type() == RelationshipType.DEFERS_TO
                    ? "%s defers to %s (strength %d, %s)".formatted(picture.label(at), picture.label(next),
                            r.strength(), r.reason())
                    : "%s influences %s (strength %d, %s)".formatted(picture.label(next), picture.label(at),
                            r.strength(), r.reason());
            steps.add(new Step(at, picture.label(at), next, picture.label(next), r.type(), r.strength(), says));
        }
        String target = found.getEndVertex();
        Affinity best = picture.bestAffinity(target).orElseThrow();
        return new Path(target, picture.label(target), best.teamMemberId(), best.score(), steps.size(), strength,
                steps);
    }
}
