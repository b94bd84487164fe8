package org.relationshipledger.analytics.health.scoring;

/** The parts of a health score, each with its own weight in a {@link ScoringModel}. */
public enum Component {
    RECENCY, FREQUENCY, SENTIMENT, NPS, CSAT, TICKETS, COVERAGE, CHAMPIONS, OWNER_STABILITY
}
