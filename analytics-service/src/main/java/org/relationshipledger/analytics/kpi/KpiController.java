package org.relationshipledger.analytics.kpi;

import static org.relationshipledger.analytics.web.QueryParameters.choice;
import static org.relationshipledger.analytics.web.QueryParameters.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.relationshipledger.analytics.kpi.math.GroupBy;
import org.relationshipledger.analytics.kpi.math.KpiReport;
import org.relationshipledger.analytics.kpi.math.Kpis;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.ledger.AccountView;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KpiController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final AccountLedger ledger;
    private final Clock clock;

    KpiController(AccountLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
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
        return Kpis.compute(ledger.views().stream().map(AccountView::facts).toList(), query.from(), query.to(),
                query.groupBy());
    }
}
