package org.relationshipledger.analytics.infrastructure;

import org.relationshipledger.analytics.health.scoring.ScoringModel;
import org.relationshipledger.analytics.health.scoring.Thresholds;
import org.relationshipledger.analytics.health.scoring.Weights;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The current scoring model, from {@code analytics.scoring.*} in analytics-service.properties. */
@ConfigurationProperties("analytics.scoring")
public record ScoringProperties(String version, Weights weights, Thresholds thresholds) {

    public ScoringModel toModel() {
        ScoringModel model = new ScoringModel(version, weights, thresholds);
        if (!model.violations().isEmpty()) {
            throw new IllegalStateException("analytics.scoring is not a usable model: " + model.violations());
        }
        return model;
    }
}
