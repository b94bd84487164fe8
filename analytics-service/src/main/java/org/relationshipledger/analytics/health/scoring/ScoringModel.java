package org.relationshipledger.analytics.health.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A versioned health formula: which weights and thresholds produced a score. Every score names the version it
 * was computed with, so a changed configuration never silently reinterprets yesterday's numbers.
 */
public record ScoringModel(String version, Weights weights, Thresholds thresholds) {

    /** Everything wrong with the model, empty when it can score; checked before any use. */
    public List<ModelViolation> violations() {
        List<ModelViolation> violations = new ArrayList<>();
        if (version == null || version.isBlank()) {
            violations.add(new ModelViolation("version", "must be given"));
        }
        if (weights == null) {
            violations.add(new ModelViolation("weights", "must be given"));
        } else {
            for (Map.Entry<Component, Double> weight : weights.asMap().entrySet()) {
                String field = "weights." + Weights.fieldName(weight.getKey());
                Double value = weight.getValue();
                if (value == null) {
                    violations.add(new ModelViolation(field, "must be given"));
                } else if (value.isNaN() || value.isInfinite()) {
                    violations.add(new ModelViolation(field, "must be a finite number"));
                } else if (value < 0) {
                    violations.add(new ModelViolation(field, "must not be negative"));
                }
            }
            if (violations.isEmpty() && weights.total() <= 0) {
                violations.add(new ModelViolation("weights", "at least one weight must be positive"));
            }
        }
        if (thresholds == null) {
            violations.add(new ModelViolation("thresholds", "must be given"));
        } else {
            checkThresholds(thresholds, violations);
        }
        return violations;
    }

    private static void checkThresholds(Thresholds t, List<ModelViolation> violations) {
        positive("thresholds.freshDays", t.freshDays(), violations, true);
        positive("thresholds.staleDays", t.staleDays(), violations, false);
        positive("thresholds.windowDays", t.windowDays(), violations, false);
        positive("thresholds.targetInteractions", t.targetInteractions(), violations, false);
        share("thresholds.openTicketPenalty", t.openTicketPenalty(), violations);
        share("thresholds.breachedTicketPenalty", t.breachedTicketPenalty(), violations);
        share("thresholds.ownerChangePenalty", t.ownerChangePenalty(), violations);
        if (t.coveredAffinity() == null || t.coveredAffinity() < 0 || t.coveredAffinity() > 5) {
            violations.add(new ModelViolation("thresholds.coveredAffinity", "must be between 0 and 5"));
        }
        score("thresholds.healthyFrom", t.healthyFrom(), violations);
        score("thresholds.watchFrom", t.watchFrom(), violations);
        if (violations.isEmpty()) {
            if (t.staleDays() <= t.freshDays()) {
                violations.add(new ModelViolation("thresholds.staleDays", "must be greater than freshDays"));
            }
            if (t.watchFrom() > t.healthyFrom()) {
                violations.add(new ModelViolation("thresholds.watchFrom", "must not be above healthyFrom"));
            }
        }
    }

    private static void positive(String field, Integer value, List<ModelViolation> violations, boolean zeroAllowed) {
        if (value == null || value < 0 || (!zeroAllowed && value == 0)) {
            violations.add(new ModelViolation(field, zeroAllowed ? "must not be negative" : "must be positive"));
        }
    }

    private static void share(String field, Double value, List<ModelViolation> violations) {
        if (value == null || value.isNaN() || value < 0 || value > 1) {
            violations.add(new ModelViolation(field, "must be between 0 and 1"));
        }
    }

    private static void score(String field, Double value, List<ModelViolation> violations) {
        if (value == null || value.isNaN() || value < 0 || value > 100) {
            violations.add(new ModelViolation(field, "must be between 0 and 100"));
        }
    }

    public Band bandOf(double score) {
        if (score >= thresholds.healthyFrom()) {
            return Band.HEALTHY;
        }
        return score >= thresholds.watchFrom() ? Band.WATCH : Band.AT_RISK;
    }
}
