package org.relationshipledger.engagement.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;

public record InteractionView(String interactionId, String accountId, String channel, String direction,
                              Instant occurredAt, List<String> contactIds, List<String> teamMemberIds, int sentiment,
                              String summary, LocalDate followUpOn, String recordedBy, Instant recordedAt,
                              int corrections, boolean retracted) {

    static InteractionView of(Document d) {
        String followUp = d.getString("followUpOn");
        return new InteractionView(d.getString("_id"), d.getString("accountId"), d.getString("channel"),
                d.getString("direction"), instant(d, "occurredAt"), d.getList("contactIds", String.class),
                d.getList("teamMemberIds", String.class), d.getInteger("sentiment", 0), d.getString("summary"),
                followUp == null ? null : LocalDate.parse(followUp), d.getString("recordedBy"),
                instant(d, "recordedAt"), d.getInteger("corrections", 0), d.getBoolean("retracted", false));
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
