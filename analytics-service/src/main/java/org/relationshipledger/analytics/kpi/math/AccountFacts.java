package org.relationshipledger.analytics.kpi.math;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;

/**
 * What the churn KPIs need of one account, all on the valid-time axis (when things happened at the client), kept
 * materialised beside the account's health so a KPI query reads one small document per account.
 */
public record AccountFacts(String accountId, String segment, List<Dated<Boolean>> lifecycle,
                           List<Value> values, List<Dated<String>> owners, List<SurveyAnswer> surveys,
                           List<TicketFacts> tickets, List<Instant> interactions) {

    public record Dated<T>(Instant at, T value) {
    }

    public record Value(Instant at, BigDecimal annualValue, String currency) {
    }

    public record SurveyAnswer(Instant at, SurveyKind kind, int score) {
    }

    public record TicketFacts(Instant openedAt, Instant resolvedAt, boolean breached) {
    }

    public AccountFacts {
        lifecycle = sorted(lifecycle);
        owners = sorted(owners);
        values = values.stream().sorted(Comparator.comparing(Value::at)).toList();
        surveys = List.copyOf(surveys);
        tickets = List.copyOf(tickets);
        interactions = interactions.stream().sorted().toList();
    }

    private static <T> List<Dated<T>> sorted(List<Dated<T>> dated) {
        return dated.stream().sorted(Comparator.comparing(Dated::at)).toList();
    }

    public static AccountFacts of(AccountState state) {
        return new AccountFacts(state.accountId(), state.segment() == null ? null : state.segment().name(),
                state.lifecycle().stream().map(c -> new Dated<>(c.at(), c.active())).toList(),
                state.values().stream().map(v -> new Value(v.at(), v.annualValue(), v.currency())).toList(),
                state.owners().stream().map(o -> new Dated<>(o.at(), o.ownerId())).toList(),
                state.surveys().stream().map(s -> new SurveyAnswer(s.answeredAt(), s.kind(), s.score())).toList(),
                state.tickets().values().stream()
                        .map(t -> new TicketFacts(t.openedAt(), t.resolvedAt(), t.breachedEver())).toList(),
                state.interactions().stream().map(AccountState.Interaction::occurredAt).toList());
    }

    public boolean activeAt(Instant instant) {
        return latestAt(lifecycle, instant, false);
    }

    public String ownerAt(Instant instant) {
        return latestAt(owners, instant, null);
    }

    public BigDecimal valueAt(Instant instant) {
        BigDecimal value = BigDecimal.ZERO;
        for (Value change : values) {
            if (change.at().isAfter(instant)) {
                break;
            }
            value = change.annualValue();
        }
        return value;
    }

    public boolean churnedWithin(Instant from, Instant to) {
        return lifecycle.stream().anyMatch(change -> !change.value() && !change.at().isBefore(from)
                && change.at().isBefore(to));
    }

    public boolean activeDuring(Instant from, Instant to) {
        return activeAt(from) || lifecycle.stream().anyMatch(change -> change.value()
                && !change.at().isBefore(from) && change.at().isBefore(to));
    }

    private static <T> T latestAt(List<Dated<T>> dated, Instant instant, T none) {
        T value = none;
        for (Dated<T> change : dated) {
            if (change.at().isAfter(instant)) {
                break;
            }
            value = change.value();
        }
        return value;
    }
}
