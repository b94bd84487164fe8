package org.relationshipledger.engagement.history;

import static org.relationshipledger.engagement.history.InteractionView.instant;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

public record TicketView(String ticketId, String accountId, String severity, String subject, String contactId,
                         String status, String openedBy, Instant openedAt, Instant slaDueAt, Instant resolvedAt,
                         List<Breach> breaches) {

    public record Breach(Instant slaDueAt, String severity) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    static TicketView of(Document d) {
        List<Breach> breaches = d.getList("breaches", Document.class, List.of()).stream()
                .map(b -> new Breach(instant(b, "slaDueAt"), b.getString("severity"))).toList();
        return new TicketView(d.getString("_id"), d.getString("accountId"), d.getString("severity"),
                d.getString("subject"), d.getString("contactId"), d.getString("status"), d.getString("openedBy"),
                instant(d, "openedAt"), instant(d, "slaDueAt"), instant(d, "resolvedAt"), breaches);
    }
}
