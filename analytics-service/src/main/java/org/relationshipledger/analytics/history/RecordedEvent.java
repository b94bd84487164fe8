package org.relationshipledger.analytics.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import org.relationshipledger.contracts.IntegrationEvent;

/**
 * One event of an account's history as analytics received it: the published fact plus the envelope values the
 * folds and the audit need. Free of Kafka and Mongo so every view can be a pure function of a list of these.
 */
public record RecordedEvent(String eventId, String type, int revision, Instant recordedAt, String streamId,
                            String streamType, long sequence, String hash, String previousHash,
                            IntegrationEvent event) {

    /**
     * The account's recorded order. Recorded time first ("what we knew then"); stream and sequence break ties, so
     * the order, and therefore every fold, does not depend on the order in which Kafka redelivered the records.
     */
    public static final Comparator<RecordedEvent> RECORDED_ORDER = Comparator
            .comparing(RecordedEvent::recordedAt)
            .thenComparing(RecordedEvent::streamId)
            .thenComparingLong(RecordedEvent::sequence)
            .thenComparing(RecordedEvent::eventId);

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(event, "event");
    }

    public String accountId() {
        return event.accountId();
    }
}
