package org.relationshipledger.analytics.kpi.math;

import java.time.Instant;
import java.util.List;

/** The churn KPIs of a period, one {@link KpiGroup} per owner, segment, or a single one for everything. */
public record KpiReport(Instant from, Instant to, GroupBy groupBy, List<KpiGroup> groups) {

    public KpiReport {
        groups = List.copyOf(groups);
    }

    /**
     * Rates are 0–1, NPS −100 to 100, durations in hours; a KPI without a denominator in the period is null
     * rather than a misleading 0.
     */
    public record KpiGroup(String key, int accountsActiveAtStart, int accountsChurned, Double churnRate,
                           Double retentionRate, Double grossRevenueRetention, Double nps, int npsAnswers,
                           Double csat, int csatAnswers, Double averageResolutionHours, Double p90ResolutionHours,
                           int ticketsResolved, Double slaBreachRate, int ticketsOpened,
                           Double interactionsPerAccount) {
    }
}
