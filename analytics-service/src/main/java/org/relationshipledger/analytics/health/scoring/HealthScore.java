package org.relationshipledger.analytics.health.scoring;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An explained score: the components' points sum to {@code score}, to one decimal.
 *
 * @param eventsFolded how many of the account's events the score is computed from
 */
public record HealthScore(String accountId, double score, Band band, String modelVersion, Instant evaluatedAt,
                          int eventsFolded, List<ComponentScore> components) {

    public HealthScore {
        components = List.copyOf(components);
    }

    /** The components that cost the most points, the first things to fix. */
    public List<ComponentScore> topReasons(int limit) {
        return components.stream()
                .filter(component -> component.shortfall() > 0)
                .sorted(Comparator.comparingDouble(ComponentScore::shortfall).reversed())
                .limit(limit)
                .toList();
    }
}
