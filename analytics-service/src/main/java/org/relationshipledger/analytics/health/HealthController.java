package org.relationshipledger.analytics.health;

import static org.relationshipledger.analytics.web.QueryParameters.choice;
import static org.relationshipledger.analytics.web.QueryParameters.instant;
import static org.relationshipledger.analytics.web.QueryParameters.requireOrdered;
import static org.relationshipledger.analytics.web.QueryParameters.step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.relationshipledger.analytics.health.scoring.HealthScore;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private final HealthQueries queries;
    private final Clock clock;
    private final AccountTenancy tenancy;

    HealthController(HealthQueries queries, Clock clock, AccountTenancy tenancy) {
        this.queries = queries;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    @GetMapping("/accounts/{accountId}/health")
    HealthScore health(@PathVariable String accountId, @RequestParam(required = false) String asOf) {
        return queries.handle(new FindHealth(accountId, instant("asOf", asOf)));
    }

    /** @param step ISO-8601, such as {@code PT24H} */
    public record HealthHistory(String accountId, Instant from, Instant to, String step, List<HealthScore> points) {
    }

    @GetMapping("/accounts/{accountId}/health/history")
    HealthHistory history(@PathVariable String accountId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        Instant end = instant("to", to);
        Instant start = instant("from", from);
        Duration every = step("step", step, Duration.ofDays(1));
        end = end != null ? end : clock.instant();
        start = start != null ? start : end.minus(DEFAULT_SPAN);
        requireOrdered(start, end);
        FindHealthHistory query = new FindHealthHistory(accountId, start, end, every);
        return new HealthHistory(accountId, start, end, every.toString(), queries.handle(query));
    }

    @GetMapping("/accounts/at-risk")
    List<AtRiskAccount> atRisk(@RequestParam(required = false) String owner,
                               @RequestParam(required = false) String segment,
                               @RequestParam(required = false) String asOf) {
        List<AtRiskAccount> all = queries.handle(new ListAtRisk(owner == null || owner.isBlank() ? null : owner,
                choice("segment", segment, Segment.class, null), instant("asOf", asOf)));
        // Ranked within the caller's tenant: another tenant's accounts are not there at all (ADR 0060).
        Set<String> visible = tenancy.visibleTo(all.stream().map(AtRiskAccount::accountId).toList(),
                Tenants.current().orElse(tenancy.defaultTenant()));
        AtomicInteger rank = new AtomicInteger();
        return all.stream().filter(account -> visible.contains(account.accountId()))
                .map(account -> new AtRiskAccount(rank.incrementAndGet(), account.accountId(), account.name(),
                        account.owner(), account.segment(), account.score(), account.topReasons()))
                .toList();
    }
}
