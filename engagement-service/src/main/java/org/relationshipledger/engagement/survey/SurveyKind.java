package org.relationshipledger.engagement.survey;

/** The survey scale; each kind carries its own valid score range. */
public enum SurveyKind {
    NPS(0, 10),
    CSAT(1, 5);

    private final int minScore;
    private final int maxScore;

    SurveyKind(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public boolean accepts(int score) {
        return score >= minScore && score <= maxScore;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }
}
