package org.relationshipledger.analytics.kpi;

import static org.relationshipledger.analytics.web.QueryParameters.choice;
import static org.relationshipledger.analytics.web.QueryParameters.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.relationshipledger.analytics.kpi.math.GroupBy;
import org.relationshipledger.analytics.kpi.math.KpiReport;
import org.relationshipledger.analytics.kpi.math.Kpis;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.ledger.AccountView;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KpiController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final AccountLedger ledger;
    private final Clock clock;
    private final AccountTenancy tenancy;

    KpiController(AccountLedger ledger, Clock clock, AccountTenancy tenancy) {
        this.ledger = ledger;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    @GetMapping("/kpis")
    KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String groupBy) {
        Instant end = instant("to", to);
        Instant start = instant("from", from);
        GroupBy grouping = choice("groupBy", groupBy, GroupBy.class, GroupBy.NONE);
        end = end != null ? end : clock.instant();
        start = start != null ? start : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw RuleViolation.invalid("from", "must be before to");
        }
        return handle(new FindKpis(start, end, grouping));
    }

    KpiReport handle(FindKpis query) {
        // The caller's tenant's accounts only (ADR 0060).
        List<AccountView> views = ledger.views();
        Set<String> visible = tenancy.visibleTo(views.stream().map(AccountView::accountId).toList(),
                Tenants.current().orElse(tenancy.defaultTenant()));
        return Kpis.compute(views.stream().filter(view -> visible.contains(view.accountId()))
                .map(AccountView::facts).toList(), query.from(), query.to(), query.groupBy());
    }
}
