package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.set;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.ticket.TicketEvent;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * One entry per engagement event, placed at the time it holds in the client's world ({@code validFrom}), with who
 * recorded it and when. Keyed by event id, so a redelivered event inserts nothing.
 */
@Component
@ProcessingGroup("timeline")
public class TimelineProjection {

    public static final String COLLECTION = "timeline";
    public static final String SYSTEM = "system";

    /** Entries whose text is a record's free text, scrubbed when an erasure destroys the record's key. */
    static final List<String> FREE_TEXT_KINDS = List.of("INTERACTION_LOGGED", "INTERACTION_CORRECTED",
            "INTERACTION_RETRACTED", "TICKET_OPENED");

    private final MongoCollection<Document> timeline;
    private final TextVault vault;

    public TimelineProjection(MongoDatabase ledgerDatabase, TextVault vault) {
        this.timeline = ledgerDatabase.getCollection(COLLECTION);
        this.vault = vault;
        timeline.createIndex(Indexes.ascending("accountId", "occurredAt", "_id"));
        timeline.createIndex(Indexes.ascending("subjectId"));
    }

    @EventHandler
    void on(InteractionEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        switch (event) {
            case InteractionEvent.InteractionLogged e -> record(message, e.accountId(), e.validFrom(),
                    "INTERACTION_LOGGED", e.interactionId(), e.channel().name(), e.recordedBy(), recordedAt,
                    vault.show(e.summary()));
            case InteractionEvent.InteractionCorrected e -> record(message, e.accountId(), e.validFrom(),
                    "INTERACTION_CORRECTED", e.interactionId(), e.channel().name(), e.correctedBy(), recordedAt,
                    vault.show(e.summary()));
            case InteractionEvent.InteractionRetracted e -> record(message, e.accountId(), e.validFrom(),
                    "INTERACTION_RETRACTED", e.interactionId(), null, e.retractedBy(), recordedAt,
                    vault.show(e.reason()));
        }
    }

    @EventHandler
    void on(TicketEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        switch (event) {
            case TicketEvent.TicketOpened e -> record(message, e.accountId(), e.validFrom(), "TICKET_OPENED",
                    e.ticketId(), null, e.openedBy(), recordedAt, vault.open(e.subject())
                            .map(subject -> e.severity() + ": " + subject).orElse(TextVault.ERASED));
            case TicketEvent.TicketEscalated e -> record(message, e.accountId(), e.validFrom(), "TICKET_ESCALATED",
                    e.ticketId(), null, e.escalatedBy(), recordedAt, e.previousSeverity() + " -> " + e.severity());
            case TicketEvent.TicketResolved e -> record(message, e.accountId(), e.validFrom(), "TICKET_RESOLVED",
                    e.ticketId(), null, e.resolvedBy(), recordedAt, null);
            case TicketEvent.TicketSlaBreached e -> record(message, e.accountId(), e.validFrom(),
                    "TICKET_SLA_BREACHED", e.ticketId(), null, SYSTEM, recordedAt, e.severity() + " SLA passed");
        }
    }

    @EventHandler
    void on(SurveyEvent.SurveyAnswered e, EventMessage<?> message, @Timestamp Instant recordedAt) {
        record(message, e.accountId(), e.validFrom(), "SURVEY_ANSWERED", e.surveyId(), null, e.recordedBy(),
                recordedAt, e.kind() + " " + e.score());
    }

    @EventHandler
    void on(OwnershipEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        switch (event) {
            case OwnershipEvent.FirstOwnerAssigned e -> record(message, e.accountId(), e.validFrom(),
                    "OWNER_ASSIGNED", e.ownerId(), null, e.assignedBy(), recordedAt, null);
            case OwnershipEvent.HandedOver e -> record(message, e.accountId(), e.validFrom(), "HANDED_OVER",
                    e.toOwnerId(), null, e.fromOwnerId(), recordedAt, vault.show(e.note()));
        }
    }

    /** After an erasure destroyed the records' keys: what a rebuild would now show. */
    void scrub(Collection<String> recordIds) {
        if (!recordIds.isEmpty()) {
            timeline.updateMany(and(in("subjectId", recordIds), in("kind", FREE_TEXT_KINDS), ne("text", null)),
                    set("text", TextVault.ERASED));
        }
    }

    private void record(EventMessage<?> message, String accountId, Instant occurredAt, String kind,
                        String subjectId, String channel, String recordedBy, Instant recordedAt, String text) {
        Document entry = new Document("_id", message.getIdentifier()).append("accountId", accountId)
                .append("occurredAt", Date.from(occurredAt)).append("kind", kind).append("subjectId", subjectId)
                .append("channel", channel).append("recordedBy", recordedBy)
                .append("recordedAt", Date.from(recordedAt)).append("text", text);
        try {
            timeline.insertOne(entry);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * A page in (occurredAt, event id) order, which is total, so a cursor resumes exactly after the last entry even
     * when many events share an instant.
     */
    public TimelinePage page(String accountId, Instant from, Instant to, String channel, String cursor, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("accountId", accountId)));
        if (from != null) {
            filters.add(gte("occurredAt", Date.from(from)));
        }
        if (to != null) {
            filters.add(lt("occurredAt", Date.from(to)));
        }
        if (channel != null) {
            filters.add(eq("channel", channel));
        }
        if (cursor != null) {
            Position after = Position.decode(cursor);
            filters.add(or(gt("occurredAt", after.occurredAt()),
                    and(eq("occurredAt", after.occurredAt()), gt("_id", after.eventId()))));
        }
        List<Document> found = timeline.find(and(filters))
                .sort(Sorts.ascending("occurredAt", "_id")).limit(limit + 1).into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<TimelinePage.Entry> entries = found.stream().limit(limit).map(d -> new TimelinePage.Entry(
                d.getString("_id"), InteractionView.instant(d, "occurredAt"), d.getString("kind"),
                d.getString("subjectId"), d.getString("channel"), d.getString("text"), d.getString("recordedBy"),
                InteractionView.instant(d, "recordedAt"))).toList();
        String next = more ? new Position(Date.from(entries.getLast().occurredAt()), entries.getLast().eventId())
                .encode() : null;
        return new TimelinePage(entries, next);
    }

    private record Position(Date occurredAt, String eventId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (occurredAt.getTime() + "|" + eventId).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|", 2);
                return new Position(new Date(Long.parseLong(parts[0])), parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw RuleViolation.invalid("cursor", "not a cursor this service handed out");
            }
        }
    }
}
