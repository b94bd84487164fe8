package org.relationshipledger.core.eventstore;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bson.Document;

/**
 * Recomputes a stream's hash chain from the bytes as stored and reports the first position where it breaks:
 * an edited event (its value no longer matches), a deleted one (a gap in the sequence), a reordered one (the
 * stored previous value is not the predecessor's), or a truncated tail (fewer events than the relay published).
 */
public final class ChainVerifier {

    private final StoredEvents storedEvents;

    public ChainVerifier(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    /**
     * @param knownHighestSequence the highest sequence known to exist elsewhere (e.g. already published), so
     *                             that deleting the last events of a stream is caught too
     */
    public ChainVerification verify(String streamId, OptionalLong knownHighestSequence) {
        List<Document> documents = storedEvents.stream(streamId);
        String previous = HashChain.GENESIS;
        long expected = 0;
        for (Document document : documents) {
            StoredEventBytes bytes = StoredEvents.bytes(document);
            if (bytes.sequenceNumber() != expected) {
                return ChainVerification.broken(streamId, expected, expected,
                        "event " + expected + " is missing (next stored is " + bytes.sequenceNumber() + ")");
            }
            Map<String, Object> metaData = storedEvents.metaData(document);
            Object storedPrevious = metaData.get(ChainValues.PREVIOUS_HASH);
            Object storedHash = metaData.get(ChainValues.HASH);
            if (!previous.equals(storedPrevious)) {
                return ChainVerification.broken(streamId, expected, expected,
                        "event " + expected + " does not link to its predecessor (moved, replaced or reordered)");
            }
            String recomputed = HashChain.link(previous, bytes, ChainValues.coveredMetaData(metaData));
            if (!recomputed.equals(storedHash)) {
                return ChainVerification.broken(streamId, expected, expected,
                        "event " + expected + " was altered after it was written");
            }
            previous = recomputed;
            expected++;
        }
        if (knownHighestSequence.isPresent() && knownHighestSequence.getAsLong() >= expected) {
            return ChainVerification.broken(streamId, expected, expected,
                    "events " + expected + ".." + knownHighestSequence.getAsLong() + " were published but are missing");
        }
        return ChainVerification.intact(streamId, expected);
    }
}
