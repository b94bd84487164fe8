package org.relationshipledger.analytics.audit.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.relationshipledger.analytics.history.RecordedEvent;

/**
 * Checks the continuity of every stream's hash chain as received: each event's previous hash must be its
 * predecessor's hash, the first one's the genesis value, and no sequence number may be missing or doubled (records
 * that the relay fanned out from one stored event share its position and chain values).
 * Analytics does not hold the producers' stored bytes, so it cannot recompute a hash; it proves that what it
 * received is one unbroken chain, which a producer-side verifier then anchors to the stored events.
 */
public final class ChainCheck {

    /** The previous hash of every stream's first event (the ledger core's genesis value). */
    public static final String GENESIS = "0".repeat(64);

    private ChainCheck() {
    }

    public static List<StreamVerification> verify(List<RecordedEvent> events) {
        Map<String, List<RecordedEvent>> byStream = new TreeMap<>();
        for (RecordedEvent event : events) {
            byStream.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
        }
        List<StreamVerification> results = new ArrayList<>();
        byStream.forEach((streamId, stream) -> results.add(verifyStream(streamId, stream)));
        return results;
    }

    private static StreamVerification verifyStream(String streamId, List<RecordedEvent> stream) {
        List<RecordedEvent> ordered = new ArrayList<>(stream);
        ordered.sort(Comparator.comparingLong(RecordedEvent::sequence));
        String streamType = ordered.getFirst().streamType();
        String previousHash = GENESIS;
        long expected = 0;
        int checked = 0;
        RecordedEvent previous = null;
        for (RecordedEvent event : ordered) {
            if (event.sequence() < expected) {
                // The relay publishes one stored event as several records (ids "x", "x/1"…) under one position;
                // they are one link of the chain only if they agree on it.
                if (sameLink(previous, event)) {
                    continue;
                }
                return broken(streamId, streamType, checked, event.sequence(),
                        "two different events at sequence " + event.sequence());
            }
            if (event.sequence() > expected) {
                return broken(streamId, streamType, checked, expected, "sequence " + expected
                        + " was not received: never published to analytics, or lost");
            }
            if (event.hash() == null || event.hash().isBlank()) {
                return broken(streamId, streamType, checked, expected, "event " + event.eventId() + " has no hash");
            }
            if (!previousHash.equals(event.previousHash())) {
                return broken(streamId, streamType, checked, expected, expected == 0
                        ? "event " + event.eventId() + " does not start from the genesis value"
                        : "previous hash of event " + event.eventId() + " does not match the hash of sequence "
                                + (expected - 1));
            }
            previousHash = event.hash();
            previous = event;
            expected++;
            checked++;
        }
        return new StreamVerification(streamId, streamType, checked, true, null, null);
    }

    private static boolean sameLink(RecordedEvent previous, RecordedEvent event) {
        return previous != null && previous.sequence() == event.sequence()
                && Objects.equals(previous.hash(), event.hash())
                && Objects.equals(previous.previousHash(), event.previousHash());
    }

    private static StreamVerification broken(String streamId, String streamType, int checked, long position,
                                             String reason) {
        return new StreamVerification(streamId, streamType, checked, false, position, reason);
    }
}
