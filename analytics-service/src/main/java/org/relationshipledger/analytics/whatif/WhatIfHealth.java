package org.relationshipledger.analytics.whatif;

import java.util.List;

import org.relationshipledger.analytics.health.scoring.ScoringModel;

/**
 * Re-score history under {@code model}. Times are ISO-8601 text so that a bad one is refused naming its field.
 *
 * @param model      the proposed model; without thresholds, the current model's thresholds are used
 * @param step       ISO-8601 duration between points, {@code P7D} when absent
 * @param accountIds the accounts to compare, all known accounts when absent
 */
public record WhatIfHealth(ScoringModel model, String from, String to, String step,
                           List<String> accountIds) {
}
