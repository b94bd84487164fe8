package org.relationshipledger.analytics.kpi;

import java.time.Instant;

import org.relationshipledger.analytics.kpi.math.GroupBy;

/** The churn KPIs of the half-open period [from, to). */
public record FindKpis(Instant from, Instant to, GroupBy groupBy) {
}
