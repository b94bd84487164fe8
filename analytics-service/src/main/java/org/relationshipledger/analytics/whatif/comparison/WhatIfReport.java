package org.relationshipledger.analytics.whatif.comparison;

import java.time.Instant;
import java.util.List;

import org.relationshipledger.analytics.health.scoring.Band;
import org.relationshipledger.analytics.health.scoring.ScoringModel;

/**
 * Every account's score history under the current and the proposed model, side by side, and what changes.
 *
 * @param step ISO-8601, such as {@code P7D}
 */
public record WhatIfReport(ScoringModel currentModel, ScoringModel proposedModel, Instant from, Instant to,
                           String step, Summary summary, List<AccountComparison> accounts) {

    public record Score(double score, Band band) {
    }

    public record Point(Instant at, Score current, Score proposed) {
    }

    public record AccountComparison(String accountId, String name, String owner, List<Point> points) {
    }

    /**
     * The at-risk lists the two models give at the end of the period and over it: the answer to "what would our
     * at-risk list have been last quarter under the new formula?".
     */
    public record Summary(List<String> atRiskAtEndCurrent, List<String> atRiskAtEndProposed,
                          List<String> everAtRiskCurrent, List<String> everAtRiskProposed,
                          List<String> newlyAtRisk, List<String> noLongerAtRisk, int bandChanges) {
    }
}
