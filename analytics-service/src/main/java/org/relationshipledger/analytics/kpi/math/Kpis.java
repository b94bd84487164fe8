package org.relationshipledger.analytics.kpi.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.relationshipledger.analytics.kpi.math.AccountFacts.SurveyAnswer;
import org.relationshipledger.analytics.kpi.math.AccountFacts.TicketFacts;
import org.relationshipledger.analytics.kpi.math.KpiReport.KpiGroup;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;

/**
 * Churn KPIs over the half-open period [from, to), on valid time. Account-level KPIs (churn, retention, revenue
 * retention, interactions per account) belong to the owner who held the account at the period's start; event-level
 * ones (surveys, tickets) to the owner at the time of the event, which is how the per-owner attribution in the
 * published language is meant ("per-owner KPIs attribute from this instant").
 */
public final class Kpis {

    public static final String ALL = "all";
    public static final String UNASSIGNED = "unassigned";

    private static final long MAX_RESOLUTION_MINUTES = TimeUnit.DAYS.toMinutes(3650);

    private Kpis() {
    }

    public static KpiReport compute(List<AccountFacts> accounts, Instant from, Instant to, GroupBy groupBy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        Map<String, Tally> tallies = new TreeMap<>();
        Function<String, Tally> tally = key -> tallies.computeIfAbsent(key, k -> new Tally());
        for (AccountFacts account : accounts) {
            String accountKey = key(account, groupBy, from);
            if (account.activeAt(from)) {
                Tally t = tally.apply(accountKey);
                t.activeAtStart++;
                boolean churned = account.churnedWithin(from, to);
                if (churned) {
                    t.churned++;
                }
                if (!churned && account.activeAt(to)) {
                    t.retained++;
                }
                BigDecimal start = account.valueAt(from);
                BigDecimal end = account.activeAt(to) ? account.valueAt(to) : BigDecimal.ZERO;
                t.startingRevenue = t.startingRevenue.add(start);
                t.retainedRevenue = t.retainedRevenue.add(start.min(end));
            }
            if (account.activeDuring(from, to)) {
                Tally t = tally.apply(accountKey);
                t.activeDuring++;
                t.interactions += account.interactions().stream().filter(at -> within(at, from, to)).count();
            }
            for (SurveyAnswer answer : account.surveys()) {
                if (within(answer.at(), from, to)) {
                    tally.apply(key(account, groupBy, answer.at())).add(answer);
                }
            }
            for (TicketFacts ticket : account.tickets()) {
                if (within(ticket.openedAt(), from, to)) {
                    Tally t = tally.apply(key(account, groupBy, ticket.openedAt()));
                    t.ticketsOpened++;
                    if (ticket.breached()) {
                        t.ticketsBreached++;
                    }
                }
                if (ticket.resolvedAt() != null && within(ticket.resolvedAt(), from, to)) {
                    tally.apply(key(account, groupBy, ticket.openedAt())).resolved(ticket);
                }
            }
        }
        if (tallies.isEmpty() && groupBy == GroupBy.NONE) {
            tally.apply(ALL);
        }
        List<KpiGroup> groups = new ArrayList<>();
        tallies.forEach((key, t) -> groups.add(t.toGroup(key)));
        return new KpiReport(from, to, groupBy, groups);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static String key(AccountFacts account, GroupBy groupBy, Instant at) {
        return switch (groupBy) {
            case NONE -> ALL;
            case SEGMENT -> account.segment() == null ? UNASSIGNED : account.segment();
            case OWNER -> {
                String owner = account.ownerAt(at);
                yield owner == null ? UNASSIGNED : owner;
            }
        };
    }

    private static final class Tally {
        int activeAtStart;
        int churned;
        int retained;
        BigDecimal startingRevenue = BigDecimal.ZERO;
        BigDecimal retainedRevenue = BigDecimal.ZERO;
        int activeDuring;
        long interactions;
        int promoters;
        int detractors;
        int npsAnswers;
        long csatTotal;
        int csatAnswers;
        int ticketsOpened;
        int ticketsBreached;
        final Histogram resolutionMinutes = new Histogram(MAX_RESOLUTION_MINUTES, 3);
        long resolutionMinutesTotal;

        void add(SurveyAnswer answer) {
            if (answer.kind() == SurveyKind.NPS) {
                npsAnswers++;
                if (answer.score() >= 9) {
                    promoters++;
                } else if (answer.score() <= 6) {
                    detractors++;
                }
            } else {
                csatAnswers++;
                csatTotal += answer.score();
            }
        }

        void resolved(TicketFacts ticket) {
            long minutes = Math.max(0, Duration.between(ticket.openedAt(), ticket.resolvedAt()).toMinutes());
            long bounded = Math.min(minutes, MAX_RESOLUTION_MINUTES);
            resolutionMinutes.recordValue(bounded);
            resolutionMinutesTotal += bounded;
        }

        KpiGroup toGroup(String key) {
            long resolved = resolutionMinutes.getTotalCount();
            return new KpiGroup(key, activeAtStart, churned,
                    ratio(churned, activeAtStart), ratio(retained, activeAtStart),
                    startingRevenue.signum() == 0 ? null
                            : round(retainedRevenue.divide(startingRevenue, MathContext.DECIMAL64).doubleValue()),
                    npsAnswers == 0 ? null : round(100.0 * (promoters - detractors) / npsAnswers), npsAnswers,
                    csatAnswers == 0 ? null : round((double) csatTotal / csatAnswers), csatAnswers,
                    resolved == 0 ? null : round(resolutionMinutesTotal / 60.0 / resolved),
                    resolved == 0 ? null : round(resolutionMinutes.getValueAtPercentile(90) / 60.0), (int) resolved,
                    ratio(ticketsBreached, ticketsOpened), ticketsOpened,
                    activeDuring == 0 ? null : round((double) interactions / activeDuring));
        }

        private static Double ratio(long numerator, long denominator) {
            return denominator == 0 ? null : round((double) numerator / denominator);
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }
}
