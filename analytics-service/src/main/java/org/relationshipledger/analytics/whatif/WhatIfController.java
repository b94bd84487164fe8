package org.relationshipledger.analytics.whatif;

import static org.relationshipledger.analytics.web.QueryParameters.instant;
import static org.relationshipledger.analytics.web.QueryParameters.requireOrdered;
import static org.relationshipledger.analytics.web.QueryParameters.step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.relationshipledger.analytics.health.scoring.ModelViolation;
import org.relationshipledger.analytics.health.scoring.ScoringModel;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.whatif.comparison.ModelComparison;
import org.relationshipledger.analytics.whatif.comparison.WhatIfReport;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WhatIfController {

    /** Bounds one request's work: accounts times points. */
    static final int MAX_EVALUATIONS = 100_000;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private final AccountLedger ledger;
    private final AccountTenancy tenancy;
    private final Clock clock;

    WhatIfController(AccountLedger ledger, Clock clock, AccountTenancy tenancy) {
        this.tenancy = tenancy;
        this.ledger = ledger;
        this.clock = clock;
    }

    @PostMapping("/what-if/health")
    WhatIfReport whatIf(@RequestBody WhatIfHealth request) {
        ScoringModel current = ledger.model();
        ScoringModel proposed = proposed(request.model(), current);
        Instant end = instant("to", request.to());
        Instant start = instant("from", request.from());
        Duration every = step("step", request.step(), Duration.ofDays(7));
        end = end != null ? end : clock.instant();
        start = start != null ? start : end.minus(DEFAULT_SPAN);
        requireOrdered(start, end);
        List<String> accountIds = accounts(request.accountIds());
        long points = Duration.between(start, end).dividedBy(every) + 1;
        if (points * Math.max(1, accountIds.size()) > MAX_EVALUATIONS) {
            throw RuleViolation.invalid("step", "asks for " + points + " points of " + accountIds.size()
                    + " accounts; at most " + MAX_EVALUATIONS + " scores per request");
        }
        List<AccountHistory> histories = accountIds.stream().map(ledger::history).flatMap(Optional::stream).toList();
        return ModelComparison.compare(histories, start, end, every, current, proposed);
    }

    private static ScoringModel proposed(ScoringModel requested, ScoringModel current) {
        if (requested == null) {
            throw RuleViolation.invalid("model", "must be given");
        }
        ScoringModel proposed = new ScoringModel(requested.version(), requested.weights(),
                requested.thresholds() != null ? requested.thresholds() : current.thresholds());
        List<ModelViolation> violations = proposed.violations();
        if (!violations.isEmpty()) {
            ModelViolation first = violations.getFirst();
            throw RuleViolation.invalid("model." + first.field(), first.message());
        }
        return proposed;
    }

    /** The requested accounts, or all of the caller's tenant's; another tenant's is "no account" (ADR 0060). */
    private List<String> accounts(List<String> requested) {
        String tenant = Tenants.current().orElse(tenancy.defaultTenant());
        if (requested == null || requested.isEmpty()) {
            return tenancy.visibleTo(ledger.accountIds(), tenant).stream().sorted().toList();
        }
        for (String accountId : requested) {
            if (accountId == null || !ledger.knows(accountId) || !tenancy.visibleTo(accountId, tenant)) {
                throw RuleViolation.notFound("accountIds", "no account " + accountId + " is known to analytics");
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }
}
