package org.relationshipledger.analytics.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.relationshipledger.core.web.RuleViolation;

/** The score at {@code from}, every {@code step} after it, up to {@code to} inclusive. */
public record FindHealthHistory(String accountId, Instant from, Instant to, Duration step) {

    /** Bounds the work one request can ask for. */
    public static final int MAX_POINTS = 1000;

    public List<Instant> instants() {
        long points = Duration.between(from, to).dividedBy(step) + 1;
        if (points > MAX_POINTS) {
            throw RuleViolation.invalid("step", "would yield " + points + " points; at most " + MAX_POINTS);
        }
        List<Instant> instants = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            instants.add(at);
        }
        return instants;
    }
}
