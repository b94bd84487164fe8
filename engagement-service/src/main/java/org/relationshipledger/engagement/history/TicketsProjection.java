package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketEscalated;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketOpened;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketResolved;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketSlaBreached;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

@Component
@ProcessingGroup("tickets")
public class TicketsProjection {

    public static final String COLLECTION = "tickets";

    private final MongoCollection<Document> tickets;
    private final TextVault vault;

    public TicketsProjection(MongoDatabase ledgerDatabase, TextVault vault) {
        this.tickets = ledgerDatabase.getCollection(COLLECTION);
        this.vault = vault;
        tickets.createIndex(Indexes.ascending("contactId"));
        tickets.createIndex(Indexes.ascending("accountId", "openedAt"));
        tickets.createIndex(Indexes.ascending("status", "slaDueAt"));
    }

    @EventHandler
    void on(TicketOpened e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(tickets, e.ticketId(), stream, sequence, combine(set("accountId", e.accountId()),
                set("severity", e.severity().name()), set("subject", vault.show(e.subject())), set("contactId", e.contactId()),
                set("openedBy", e.openedBy()), set("openedAt", Date.from(e.validFrom())),
                set("slaDueAt", Date.from(e.slaDueAt())), set("status", "OPEN"), set("breaches", List.of())));
    }

    @EventHandler
    void on(TicketEscalated e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(tickets, e.ticketId(), stream, sequence, combine(
                set("severity", e.severity().name()), set("slaDueAt", Date.from(e.slaDueAt()))));
    }

    @EventHandler
    void on(TicketResolved e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(tickets, e.ticketId(), stream, sequence, combine(set("status", "RESOLVED"),
                set("resolvedBy", e.resolvedBy()), set("resolvedAt", Date.from(e.validFrom()))));
    }

    @EventHandler
    void on(TicketSlaBreached e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(tickets, e.ticketId(), stream, sequence, combine(
                set("breachedDeadline", Date.from(e.slaDueAt())),
                push("breaches", new Document("slaDueAt", Date.from(e.slaDueAt()))
                        .append("severity", e.severity().name()))));
    }

    List<String> idsInvolving(String contactId) {
        return tickets.find(eq("contactId", contactId)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** After an erasure destroyed their keys: what a rebuild would now show. */
    void scrub(Collection<String> ticketIds) {
        if (!ticketIds.isEmpty()) {
            tickets.updateMany(in("_id", ticketIds), set("subject", TextVault.ERASED));
        }
    }

    public List<TicketView> ofAccount(String accountId) {
        return tickets.find(eq("accountId", accountId)).sort(Sorts.descending("openedAt")).map(TicketView::of)
                .into(new ArrayList<>());
    }

    public java.util.Optional<TicketView> byId(String ticketId) {
        return java.util.Optional.ofNullable(tickets.find(eq("_id", ticketId)).first()).map(TicketView::of);
    }

    /** Open tickets whose current deadline has passed and has not been reported yet. */
    public List<String> overdueUnreported(Instant now) {
        List<String> overdue = new ArrayList<>();
        for (Document ticket : tickets.find(and(eq("status", "OPEN"), lte("slaDueAt", Date.from(now))))) {
            if (!ticket.getDate("slaDueAt").equals(ticket.getDate("breachedDeadline"))) {
                overdue.add(ticket.getString("_id"));
            }
        }
        return overdue;
    }
}
