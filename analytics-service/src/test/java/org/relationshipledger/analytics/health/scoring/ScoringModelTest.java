package org.relationshipledger.analytics.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoringModelTest {

    @Test
    void theShippedModelIsUsable() {
        assertThat(Models.standard().violations()).isEmpty();
    }

    @Test
    void refusesNegativeMissingAndNonFiniteWeights() {
        ScoringModel model = Models.withWeights(
                new Weights(-1.0, Double.NaN, Double.POSITIVE_INFINITY, null, 5.0, 15.0, 15.0, 10.0, 5.0));

        assertThat(model.violations()).containsExactly(
                new ModelViolation("weights.recency", "must not be negative"),
                new ModelViolation("weights.frequency", "must be a finite number"),
                new ModelViolation("weights.sentiment", "must be a finite number"),
                new ModelViolation("weights.nps", "must be given"));
    }

    @Test
    void refusesAModelWithNothingToWeigh() {
        ScoringModel model = Models.withWeights(new Weights(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));

        assertThat(model.violations()).containsExactly(
                new ModelViolation("weights", "at least one weight must be positive"));
    }

    @Test
    void refusesBandsInTheWrongOrder() {
        ScoringModel standard = Models.standard();
        Thresholds t = standard.thresholds();
        ScoringModel model = new ScoringModel("x", standard.weights(), new Thresholds(t.freshDays(), t.staleDays(),
                t.windowDays(), t.targetInteractions(), t.openTicketPenalty(), t.breachedTicketPenalty(),
                t.coveredAffinity(), t.ownerChangePenalty(), 50.0, 60.0));

        assertThat(model.violations()).extracting(ModelViolation::field).containsExactly("thresholds.watchFrom");
    }

    @Test
    void bandsFollowTheThresholds() {
        ScoringModel model = Models.standard();

        assertThat(model.bandOf(70)).isEqualTo(Band.HEALTHY);
        assertThat(model.bandOf(69.9)).isEqualTo(Band.WATCH);
        assertThat(model.bandOf(40)).isEqualTo(Band.WATCH);
        assertThat(model.bandOf(39.9)).isEqualTo(Band.AT_RISK);
    }
}
