package org.relationshipledger.analytics.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event of one account, deduplicated by event id and in recorded order. Built from whatever order the
 * events arrived in, so two histories built from the same events in different orders are equal.
 */
public final class AccountHistory {

    private final String accountId;
    private final List<RecordedEvent> events;

    private AccountHistory(String accountId, List<RecordedEvent> events) {
        this.accountId = accountId;
        this.events = events;
    }

    public static AccountHistory of(String accountId, Collection<RecordedEvent> received) {
        Map<String, RecordedEvent> byId = new LinkedHashMap<>();
        for (RecordedEvent event : received) {
            if (!event.accountId().equals(accountId)) {
                throw new IllegalArgumentException(
                        "event " + event.eventId() + " belongs to " + event.accountId() + ", not " + accountId);
            }
            byId.putIfAbsent(event.eventId(), event);
        }
        List<RecordedEvent> ordered = new ArrayList<>(byId.values());
        ordered.sort(RecordedEvent.RECORDED_ORDER);
        return new AccountHistory(accountId, List.copyOf(ordered));
    }

    public String accountId() {
        return accountId;
    }

    public List<RecordedEvent> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The events recorded up to and including {@code asOf}: what we knew then. */
    public AccountHistory upTo(Instant asOf) {
        int end = 0;
        while (end < events.size() && !events.get(end).recordedAt().isAfter(asOf)) {
            end++;
        }
        return new AccountHistory(accountId, events.subList(0, end));
    }

    public Instant lastRecordedAt() {
        return events.isEmpty() ? null : events.getLast().recordedAt();
    }
}
