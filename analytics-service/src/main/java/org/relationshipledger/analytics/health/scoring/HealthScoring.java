package org.relationshipledger.analytics.health.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.relationshipledger.analytics.health.scoring.AccountState.Interaction;
import org.relationshipledger.analytics.health.scoring.AccountState.OwnerChange;
import org.relationshipledger.analytics.health.scoring.AccountState.Survey;
import org.relationshipledger.analytics.health.scoring.AccountState.Ticket;
import org.relationshipledger.analytics.health.scoring.HealthInputs.Standing;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.Stance;

/**
 * The health formula: each component's fulfilment (0–1) times its share of 100 points. A pure function of the
 * account's folded events, the instant it is evaluated at and the model; the formula is written out in the
 * service canvas (docs/services/analytics-service.md).
 */
public final class HealthScoring {

    private static final Set<BuyingRole> DECISION_ROLES = EnumSet.of(BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER);

    private HealthScoring() {
    }

    /** The score as known at {@code asOf}: only events recorded by then, evaluated at that instant. */
    public static HealthScore asOf(AccountHistory history, Instant asOf, ScoringModel model) {
        return score(AccountState.of(history.upTo(asOf)), asOf, model);
    }

    /**
     * The score at each instant, each from the events recorded by then: one pass over the history, so a long
     * series costs one fold, not one per point.
     */
    public static List<HealthScore> history(AccountHistory history, List<Instant> instants, ScoringModel model) {
        AccountState state = AccountState.empty(history.accountId());
        List<RecordedEvent> events = history.events();
        List<HealthScore> scores = new ArrayList<>(instants.size());
        int next = 0;
        for (Instant at : instants) {
            while (next < events.size() && !events.get(next).recordedAt().isAfter(at)) {
                state.apply(events.get(next++));
            }
            scores.add(score(state, at, model));
        }
        return scores;
    }

    public static HealthScore score(AccountState state, Instant at, ScoringModel model) {
        return score(state.healthInputs(), at, model);
    }

    /**
     * The score of folded inputs judged at {@code at}, the reference time: recency, frequency, sentiment and owner
     * stability are measured back from it, so an account nobody touches decays as the reference time moves on.
     */
    public static HealthScore score(HealthInputs state, Instant at, ScoringModel model) {
        Thresholds t = model.thresholds();
        Weights weights = model.weights();
        double total = weights.total();
        Instant windowStart = at.minus(Duration.ofDays(t.windowDays()));

        Map<Component, Fulfilment> fulfilments = new LinkedHashMap<>();
        fulfilments.put(Component.RECENCY, recency(state, at, t));
        fulfilments.put(Component.FREQUENCY, frequency(state, windowStart, t));
        fulfilments.put(Component.SENTIMENT, sentiment(state, windowStart));
        fulfilments.put(Component.NPS, nps(state));
        fulfilments.put(Component.CSAT, csat(state));
        fulfilments.put(Component.TICKETS, tickets(state, t));
        fulfilments.put(Component.COVERAGE, coverage(state, t));
        fulfilments.put(Component.CHAMPIONS, champions(state));
        fulfilments.put(Component.OWNER_STABILITY, ownerStability(state, windowStart, at, t));

        List<ComponentScore> components = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        for (Map.Entry<Component, Fulfilment> entry : fulfilments.entrySet()) {
            double weight = weights.of(entry.getKey());
            BigDecimal maxPoints = tenths(100 * weight / total);
            BigDecimal points = tenths(100 * weight / total * entry.getValue().value());
            score = score.add(points);
            components.add(new ComponentScore(entry.getKey(), weight, entry.getValue().raw(),
                    entry.getValue().value(), points.doubleValue(), maxPoints.doubleValue()));
        }
        double rounded = score.setScale(1, RoundingMode.HALF_UP).doubleValue();
        return new HealthScore(state.accountId(), rounded, model.bandOf(rounded), model.version(), at,
                state.eventCount(), components);
    }

    // Rounding each component, and summing the rounded values, keeps "points sum to the score" exact on the wire.
    private static BigDecimal tenths(double points) {
        return BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP);
    }

    private record Fulfilment(double value, String raw) {
    }

    private static Fulfilment recency(HealthInputs state, Instant at, Thresholds t) {
        Instant last = state.interactions().stream().map(Interaction::occurredAt).max(Instant::compareTo).orElse(null);
        if (last == null) {
            return new Fulfilment(0, "no interaction logged");
        }
        long days = Math.max(0, Duration.between(last, at).toDays());
        double value = days <= t.freshDays() ? 1
                : days >= t.staleDays() ? 0
                : (double) (t.staleDays() - days) / (t.staleDays() - t.freshDays());
        return new Fulfilment(value, days + " days since the last interaction");
    }

    private static Fulfilment frequency(HealthInputs state, Instant windowStart, Thresholds t) {
        long count = inWindow(state, windowStart).size();
        return new Fulfilment(Math.min(1, (double) count / t.targetInteractions()),
                count + " interactions in the last " + t.windowDays() + " days (target " + t.targetInteractions() + ")");
    }

    /**
     * Net share of positive over negative touchpoints. Counting signs rather than averaging sentiment keeps the
     * score monotone: one more positive interaction can never pull it down, as a mildly positive one would pull an
     * average of very positive ones down.
     */
    private static Fulfilment sentiment(HealthInputs state, Instant windowStart) {
        List<Interaction> recent = inWindow(state, windowStart);
        if (recent.isEmpty()) {
            return new Fulfilment(0.5, "no interactions in the window: neutral");
        }
        long positive = recent.stream().filter(i -> i.sentiment() > 0).count();
        long negative = recent.stream().filter(i -> i.sentiment() < 0).count();
        double net = (double) (positive - negative) / recent.size();
        return new Fulfilment((1 + net) / 2,
                positive + " positive, " + negative + " negative of " + recent.size() + " recent interactions");
    }

    private static List<Interaction> inWindow(HealthInputs state, Instant windowStart) {
        return state.interactions().stream().filter(i -> i.occurredAt().isAfter(windowStart)).toList();
    }

    /** NPS over each contact's latest answer, so one enthusiastic contact answering weekly does not outvote the rest. */
    private static Fulfilment nps(HealthInputs state) {
        Map<String, Integer> latest = latestByContact(state, SurveyKind.NPS);
        if (latest.isEmpty()) {
            return new Fulfilment(0.5, "no NPS answer: neutral");
        }
        long promoters = latest.values().stream().filter(score -> score >= 9).count();
        long detractors = latest.values().stream().filter(score -> score <= 6).count();
        double nps = 100.0 * (promoters - detractors) / latest.size();
        return new Fulfilment((nps + 100) / 200, "NPS %+.0f from %d contacts".formatted(nps, latest.size()));
    }

    private static Fulfilment csat(HealthInputs state) {
        Map<String, Integer> latest = latestByContact(state, SurveyKind.CSAT);
        if (latest.isEmpty()) {
            return new Fulfilment(0.5, "no CSAT answer: neutral");
        }
        double average = latest.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        return new Fulfilment((average - 1) / 4, "CSAT %.1f from %d contacts".formatted(average, latest.size()));
    }

    private static Map<String, Integer> latestByContact(HealthInputs state, SurveyKind kind) {
        Map<String, Integer> latest = new LinkedHashMap<>();
        int anonymous = 0;
        for (Survey survey : state.surveys()) {
            if (survey.kind() == kind) {
                // An erased contact's answers still count, each as its own voice.
                String voter = survey.contactId() != null ? survey.contactId() : "erased-" + anonymous++;
                latest.put(voter, survey.score());
            }
        }
        return latest;
    }

    private static Fulfilment tickets(HealthInputs state, Thresholds t) {
        long open = state.tickets().stream().filter(Ticket::open).count();
        long breached = state.tickets().stream().filter(Ticket::breached).count();
        double value = Math.max(0, 1 - t.openTicketPenalty() * open - t.breachedTicketPenalty() * breached);
        return new Fulfilment(value, open + " open tickets, " + breached + " past their SLA");
    }

    private static Fulfilment coverage(HealthInputs state, Thresholds t) {
        List<Standing> deciders = state.contacts().stream()
                .filter(contact -> contact.active() && DECISION_ROLES.contains(contact.role()))
                .toList();
        if (deciders.isEmpty()) {
            return new Fulfilment(0, "no decision maker or economic buyer mapped");
        }
        long covered = deciders.stream().filter(contact -> contact.bestAffinity() >= t.coveredAffinity()).count();
        return new Fulfilment((double) covered / deciders.size(), "%d of %d decision makers known well (affinity ≥ %d)"
                .formatted(covered, deciders.size(), t.coveredAffinity()));
    }

    /** Champions weighted by how well we know them, against blockers weighted by how hard they oppose. */
    private static Fulfilment champions(HealthInputs state) {
        int support = 0;
        int resistance = 0;
        int championCount = 0;
        int blockerCount = 0;
        for (Standing contact : state.contacts()) {
            if (!contact.active()) {
                continue;
            }
            if (contact.role() == BuyingRole.CHAMPION || contact.stance() == Stance.ALLY) {
                support += 1 + contact.bestAffinity();
                championCount++;
            } else if (contact.role() == BuyingRole.BLOCKER || contact.stance() == Stance.OPPONENT) {
                resistance += 1 + contact.opposition();
                blockerCount++;
            }
        }
        if (support + resistance == 0) {
            return new Fulfilment(0.5, "no champions or blockers mapped: neutral");
        }
        return new Fulfilment((double) support / (support + resistance),
                "%d champions (strength %d) vs %d blockers (strength %d)"
                        .formatted(championCount, support, blockerCount, resistance));
    }

    private static Fulfilment ownerStability(HealthInputs state, Instant windowStart, Instant at, Thresholds t) {
        long changes = 0;
        String previous = null;
        for (OwnerChange change : state.owners()) {
            boolean isChange = previous != null && !previous.equals(change.ownerId());
            if (isChange && change.at().isAfter(windowStart) && !change.at().isAfter(at)) {
                changes++;
            }
            previous = change.ownerId();
        }
        return new Fulfilment(Math.max(0, 1 - t.ownerChangePenalty() * changes),
                changes + " owner changes in the last " + t.windowDays() + " days");
    }
}
