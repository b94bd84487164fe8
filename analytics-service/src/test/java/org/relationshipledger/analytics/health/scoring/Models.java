package org.relationshipledger.analytics.health.scoring;

/** The shipped default model (analytics-service.properties), for tests of the formula. */
public final class Models {

    private Models() {
    }

    public static ScoringModel standard() {
        return new ScoringModel("test-default",
                new Weights(15.0, 10.0, 15.0, 10.0, 5.0, 15.0, 15.0, 10.0, 5.0),
                new Thresholds(14, 90, 90, 12, 0.1, 0.25, 3, 0.5, 70.0, 40.0));
    }

    public static ScoringModel withWeights(Weights weights) {
        ScoringModel standard = standard();
        return new ScoringModel("what-if", weights, standard.thresholds());
    }
}
