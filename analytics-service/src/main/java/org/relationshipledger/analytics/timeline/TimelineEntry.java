package org.relationshipledger.analytics.timeline;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One fact of the account's merged history, from whichever service published it. */
public record TimelineEntry(Instant recordedAt, Instant validFrom, String type, int revision, String eventId,
                            String streamType, String streamId, long sequence, JsonNode data) {
}
