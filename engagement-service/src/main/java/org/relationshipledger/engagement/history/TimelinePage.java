package org.relationshipledger.engagement.history;

import java.time.Instant;
import java.util.List;

/** @param nextCursor pass as {@code cursor} for the following page; null on the last page */
public record TimelinePage(List<Entry> entries, String nextCursor) {

    /**
     * @param occurredAt when it holds in the client's world
     * @param recordedBy the team member who recorded it, or {@code system} for detected facts such as SLA breaches
     */
    public record Entry(String eventId, Instant occurredAt, String kind, String subjectId, String channel,
                        String text, String recordedBy, Instant recordedAt) {
    }
}
