package org.relationshipledger.analytics.health.scoring;

import java.util.EnumMap;
import java.util.Map;

/**
 * Relative weights of the components. They need not sum to 100: points are scaled so that a perfect account
 * scores 100 under any weights, which lets a what-if model change one weight without re-balancing the rest.
 * Boxed so that a model given over the wire can be told apart when a weight is missing.
 */
public record Weights(Double recency, Double frequency, Double sentiment, Double nps, Double csat, Double tickets,
                      Double coverage, Double champions, Double ownerStability) {

    public Map<Component, Double> asMap() {
        Map<Component, Double> map = new EnumMap<>(Component.class);
        map.put(Component.RECENCY, recency);
        map.put(Component.FREQUENCY, frequency);
        map.put(Component.SENTIMENT, sentiment);
        map.put(Component.NPS, nps);
        map.put(Component.CSAT, csat);
        map.put(Component.TICKETS, tickets);
        map.put(Component.COVERAGE, coverage);
        map.put(Component.CHAMPIONS, champions);
        map.put(Component.OWNER_STABILITY, ownerStability);
        return map;
    }

    public double of(Component component) {
        Double weight = asMap().get(component);
        return weight == null ? 0 : weight;
    }

    public double total() {
        return asMap().values().stream().mapToDouble(weight -> weight == null ? 0 : weight).sum();
    }

    static String fieldName(Component component) {
        return switch (component) {
            case RECENCY -> "recency";
            case FREQUENCY -> "frequency";
            case SENTIMENT -> "sentiment";
            case NPS -> "nps";
            case CSAT -> "csat";
            case TICKETS -> "tickets";
            case COVERAGE -> "coverage";
            case CHAMPIONS -> "champions";
            case OWNER_STABILITY -> "ownerStability";
        };
    }
}
