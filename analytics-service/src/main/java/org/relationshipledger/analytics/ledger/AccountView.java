package org.relationshipledger.analytics.ledger;

import java.time.Instant;

import org.relationshipledger.analytics.health.scoring.HealthInputs;
import org.relationshipledger.analytics.kpi.math.AccountFacts;

/**
 * The materialised fold of an account's whole log: what its health is computed from and the KPI inputs. It holds
 * no score: a score depends on the reference time it is judged at (now, or a query's asOf), so it is computed when
 * asked, from {@code health}, and an account nobody touches still decays (ADR 0047).
 */
public record AccountView(String accountId, String name, String segment, String owner, boolean churned,
                          HealthInputs health, AccountFacts facts, int eventCount, Instant lastRecordedAt) {
}
