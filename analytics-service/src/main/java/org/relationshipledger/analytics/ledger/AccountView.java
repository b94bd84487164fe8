package org.relationshipledger.analytics.ledger;

import java.time.Instant;

import org.relationshipledger.analytics.health.scoring.HealthScore;
import org.relationshipledger.analytics.kpi.math.AccountFacts;

/**
 * The materialised current view of an account: its health as of its latest recorded event and the KPI inputs.
 * Recomputed from the account's whole log on every event, so it never drifts from the log it summarises.
 */
public record AccountView(String accountId, String name, String segment, String owner, boolean churned,
                          HealthScore health, AccountFacts facts, int eventCount, Instant lastRecordedAt) {
}
