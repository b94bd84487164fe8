package org.relationshipledger.analytics.timeline;

import java.util.List;

import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

@RestController
class TimelineController {

    private final AccountLedger ledger;
    private final ObjectMapper json = LedgerJson.mapper();

    TimelineController(AccountLedger ledger) {
        this.ledger = ledger;
    }

    public record Timeline(String accountId, List<TimelineEntry> entries) {
    }

    @GetMapping("/accounts/{accountId}/timeline")
    Timeline timeline(@PathVariable String accountId) {
        return handle(new FindTimeline(accountId));
    }

    Timeline handle(FindTimeline query) {
        List<RecordedEvent> events = ledger.history(query.accountId())
                .orElseThrow(() -> RuleViolation.notFound("accountId",
                        "no account " + query.accountId() + " is known to analytics"))
                .events();
        return new Timeline(query.accountId(), events.stream().map(this::entry).toList());
    }

    private TimelineEntry entry(RecordedEvent event) {
        return new TimelineEntry(event.recordedAt(), event.event().validFrom(), event.type(), event.revision(),
                event.eventId(), event.streamType(), event.streamId(), event.sequence(),
                json.valueToTree(event.event()));
    }
}
