package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionCorrected;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionLogged;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionRetracted;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/** Each interaction as it stands now: the latest correction's facts, or marked retracted. */
@Component
@ProcessingGroup("interactions")
public class InteractionsProjection {

    public static final String COLLECTION = "interactions";

    private final MongoCollection<Document> interactions;
    private final TextVault vault;

    public InteractionsProjection(MongoDatabase ledgerDatabase, TextVault vault) {
        this.interactions = ledgerDatabase.getCollection(COLLECTION);
        this.vault = vault;
        interactions.createIndex(Indexes.ascending("accountId", "occurredAt"));
        interactions.createIndex(Indexes.ascending("contactIds"));
    }

    @EventHandler
    void on(InteractionLogged e, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        ProjectionGuard.applyOnce(interactions, e.interactionId(), stream, sequence,
                combine(facts(e.accountId(), e.channel().name(), e.direction().name(), e.validFrom(), e.contactIds(),
                                e.teamMemberIds(), e.sentiment(), vault.show(e.summary()), e.followUpOn()),
                        set("recordedBy", e.recordedBy()), set("recordedAt", Date.from(at)),
                        set("retracted", false), set("corrections", 0)));
    }

    @EventHandler
    void on(InteractionCorrected e, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        ProjectionGuard.applyOnce(interactions, e.interactionId(), stream, sequence,
                combine(facts(e.accountId(), e.channel().name(), e.direction().name(), e.validFrom(), e.contactIds(),
                                e.teamMemberIds(), e.sentiment(), vault.show(e.summary()), e.followUpOn()),
                        set("correctedBy", e.correctedBy()), set("correctedAt", Date.from(at)),
                        inc("corrections", 1)));
    }

    @EventHandler
    void on(InteractionRetracted e, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        ProjectionGuard.applyOnce(interactions, e.interactionId(), stream, sequence,
                combine(set("retracted", true), set("retractedBy", e.retractedBy()),
                        set("retractedAt", Date.from(at))));
    }

    private static Bson facts(String accountId, String channel, String direction, Instant occurredAt,
                              List<String> contactIds, List<String> teamMemberIds, int sentiment, String summary,
                              LocalDate followUpOn) {
        return combine(set("accountId", accountId), set("channel", channel), set("direction", direction),
                set("occurredAt", Date.from(occurredAt)), set("contactIds", contactIds),
                set("teamMemberIds", teamMemberIds), set("sentiment", sentiment), set("summary", summary),
                set("followUpOn", followUpOn == null ? null : followUpOn.toString()));
    }

    /** Interactions whose current participants include the contact. */
    List<String> idsInvolving(String contactId) {
        return interactions.find(eq("contactIds", contactId)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** After an erasure destroyed their keys: what a rebuild would now show. */
    void scrub(Collection<String> interactionIds) {
        if (!interactionIds.isEmpty()) {
            interactions.updateMany(in("_id", interactionIds), set("summary", TextVault.ERASED));
        }
    }

    public java.util.Optional<InteractionView> byId(String interactionId) {
        return java.util.Optional.ofNullable(interactions.find(eq("_id", interactionId)).first())
                .map(InteractionView::of);
    }

    /** Newest first, retracted ones included and flagged: the history is complete, the reader filters. */
    public List<InteractionView> ofAccount(String accountId) {
        return interactions.find(eq("accountId", accountId)).sort(Sorts.descending("occurredAt"))
                .map(InteractionView::of).into(new ArrayList<>());
    }

    public List<InteractionView> standingOfAccount(String accountId) {
        return interactions.find(and(eq("accountId", accountId), eq("retracted", false)))
                .sort(Sorts.descending("occurredAt")).map(InteractionView::of).into(new ArrayList<>());
    }
}
