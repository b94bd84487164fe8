package org.relationshipledger.analytics.health;

import java.time.Instant;

import org.relationshipledger.contracts.AccountEvent.Segment;

/**
 * All parts optional.
 *
 * @param asOf null for the scores as of now; otherwise every account is re-scored from the events recorded by
 *             then and evaluated at that instant; either way an account that went silent is seen to decay
 */
public record ListAtRisk(String owner, Segment segment, Instant asOf) {
}
