package org.relationshipledger.analytics.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.analytics.health.scoring.Band;
import org.relationshipledger.analytics.health.scoring.HealthScore;
import org.relationshipledger.analytics.health.scoring.HealthScoring;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.stereotype.Service;

@Service
public class HealthQueries {

    static final int TOP_REASONS = 3;

    private final AccountLedger ledger;
    private final Clock clock;

    HealthQueries(AccountLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The current score is the materialised fold judged now, so it decays while nothing happens; an {@code asOf}
     * one is folded from the events recorded by then and judged then.
     */
    public HealthScore handle(FindHealth query) {
        if (query.asOf() == null) {
            Instant now = clock.instant();
            return ledger.healthInputs(query.accountId()).map(inputs -> HealthScoring.score(inputs, now, ledger.model()))
                    .orElseThrow(() -> unknown(query.accountId()));
        }
        AccountHistory history = historyOf(query.accountId()).upTo(query.asOf());
        if (history.isEmpty()) {
            throw RuleViolation.notFound("asOf", "nothing was recorded about account " + query.accountId()
                    + " by " + query.asOf());
        }
        return HealthScoring.asOf(history, query.asOf(), ledger.model());
    }

    public List<HealthScore> handle(FindHealthHistory query) {
        return HealthScoring.history(historyOf(query.accountId()), query.instants(), ledger.model());
    }

    /** Without {@code asOf}, every account's materialised fold is judged now, so silent accounts rank as decayed. */
    public List<AtRiskAccount> handle(ListAtRisk query) {
        Instant now = clock.instant();
        List<Candidate> candidates = query.asOf() == null
                ? ledger.views().stream().map(view -> new Candidate(view.accountId(), view.name(), view.owner(),
                        view.segment(), view.churned(), HealthScoring.score(view.health(), now, ledger.model())))
                        .toList()
                : ledger.accountIds().stream().map(accountId -> scoredAt(accountId, query.asOf()))
                        .flatMap(Optional::stream).toList();
        AtomicInteger rank = new AtomicInteger();
        return candidates.stream()
                .filter(candidate -> !candidate.churned() && candidate.health().band() == Band.AT_RISK)
                .filter(candidate -> query.owner() == null || query.owner().equals(candidate.owner()))
                .filter(candidate -> query.segment() == null || query.segment().name().equals(candidate.segment()))
                .sorted(Comparator.comparingDouble((Candidate candidate) -> candidate.health().score())
                        .thenComparing(Candidate::accountId))
                .map(candidate -> new AtRiskAccount(rank.incrementAndGet(), candidate.accountId(), candidate.name(),
                        candidate.owner(), candidate.segment(), candidate.health().score(),
                        candidate.health().topReasons(TOP_REASONS)))
                .toList();
    }

    private record Candidate(String accountId, String name, String owner, String segment, boolean churned,
                             HealthScore health) {
    }

    private Optional<Candidate> scoredAt(String accountId, Instant asOf) {
        return ledger.history(accountId).map(history -> history.upTo(asOf)).filter(history -> !history.isEmpty())
                .map(history -> {
                    AccountState state = AccountState.of(history);
                    return new Candidate(accountId, state.name(), state.currentOwner(),
                            state.segment() == null ? null : state.segment().name(), state.churned(),
                            HealthScoring.score(state, asOf, ledger.model()));
                });
    }

    private AccountHistory historyOf(String accountId) {
        return ledger.history(accountId).orElseThrow(() -> unknown(accountId));
    }

    static RuleViolation unknown(String accountId) {
        return RuleViolation.notFound("accountId", "no account " + accountId + " is known to analytics");
    }
}
