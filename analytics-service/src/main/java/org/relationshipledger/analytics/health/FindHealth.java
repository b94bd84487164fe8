package org.relationshipledger.analytics.health;

import java.time.Instant;

/** @param asOf null for the current score; otherwise the score from the events recorded by then */
public record FindHealth(String accountId, Instant asOf) {
}
