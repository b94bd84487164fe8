package org.relationshipledger.analytics.whatif.comparison;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.analytics.health.scoring.Band;
import org.relationshipledger.analytics.health.scoring.HealthScore;
import org.relationshipledger.analytics.health.scoring.HealthScoring;
import org.relationshipledger.analytics.health.scoring.ScoringModel;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.whatif.comparison.WhatIfReport.AccountComparison;
import org.relationshipledger.analytics.whatif.comparison.WhatIfReport.Point;
import org.relationshipledger.analytics.whatif.comparison.WhatIfReport.Score;
import org.relationshipledger.analytics.whatif.comparison.WhatIfReport.Summary;

/**
 * Scores the same histories under two models at the same instants. A pure function of the histories and the
 * models: nothing is stored, so asking twice gives the same answer.
 */
public final class ModelComparison {

    private ModelComparison() {
    }

    /** The instants from {@code from}, every {@code step}, up to {@code to} inclusive. */
    public static List<Instant> instants(Instant from, Instant to, Duration step) {
        List<Instant> instants = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            instants.add(at);
        }
        return instants;
    }

    public static WhatIfReport compare(List<AccountHistory> histories, Instant from, Instant to, Duration step,
                                       ScoringModel current, ScoringModel proposed) {
        List<Instant> instants = instants(from, to, step);
        List<AccountComparison> comparisons = new ArrayList<>();
        Set<String> endCurrent = new LinkedHashSet<>();
        Set<String> endProposed = new LinkedHashSet<>();
        Set<String> everCurrent = new LinkedHashSet<>();
        Set<String> everProposed = new LinkedHashSet<>();
        int bandChanges = 0;
        for (AccountHistory history : histories) {
            String accountId = history.accountId();
            List<HealthScore> before = HealthScoring.history(history, instants, current);
            List<HealthScore> after = HealthScoring.history(history, instants, proposed);
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                HealthScore was = before.get(i);
                HealthScore would = after.get(i);
                // Before its first recorded event the account did not exist for us: no point to compare.
                if (was.eventsFolded() == 0) {
                    continue;
                }
                points.add(new Point(instants.get(i), new Score(was.score(), was.band()),
                        new Score(would.score(), would.band())));
                if (was.band() != would.band()) {
                    bandChanges++;
                }
                if (was.band() == Band.AT_RISK) {
                    everCurrent.add(accountId);
                }
                if (would.band() == Band.AT_RISK) {
                    everProposed.add(accountId);
                }
            }
            if (!points.isEmpty()) {
                Point last = points.getLast();
                if (last.current().band() == Band.AT_RISK) {
                    endCurrent.add(accountId);
                }
                if (last.proposed().band() == Band.AT_RISK) {
                    endProposed.add(accountId);
                }
            }
            AccountState atEnd = AccountState.of(history.upTo(to));
            comparisons.add(new AccountComparison(accountId, atEnd.name(), atEnd.currentOwner(), points));
        }
        Summary summary = new Summary(List.copyOf(endCurrent), List.copyOf(endProposed), List.copyOf(everCurrent),
                List.copyOf(everProposed), minus(endProposed, endCurrent), minus(endCurrent, endProposed),
                bandChanges);
        return new WhatIfReport(current, proposed, from, to, step.toString(), summary, comparisons);
    }

    private static List<String> minus(Set<String> these, Set<String> those) {
        return these.stream().filter(id -> !those.contains(id)).toList();
    }
}
