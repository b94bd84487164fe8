package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.relationshipledger.engagement.LiveEngagement;
import org.relationshipledger.engagement.freetext.TextVault;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/** Invariant 5: every in-service view rebuilt from the event store equals the live one, document for document. */
class RebuildEqualsLiveIT extends LiveEngagement {

    @Autowired
    MongoClient mongo;

    @Autowired
    MongoDatabase ledgerDatabase;

    @Autowired
    TextVault vault;

    @Test
    void everyViewRebuiltFromTheStoreEqualsTheLiveOne() throws Exception {
        writeSomeHistory();
        MongoDatabase scratch = mongo.getDatabase("engagement-rebuild-" + newId().substring(0, 8));
        List<Object> projections = List.of(new InteractionsProjection(scratch, vault),
                new TicketsProjection(scratch, vault), new SurveysProjection(scratch, vault),
                new OwnershipProjection(scratch, vault), new TimelineProjection(scratch, vault));
        List<AnnotationEventHandlerAdapter> handlers = projections.stream()
                .map(AnnotationEventHandlerAdapter::new).toList();

        List<Document> stored = storedEvents.collection().find()
                .sort(Sorts.ascending("aggregateIdentifier", "sequenceNumber")).into(new ArrayList<>());
        for (DomainEventMessage<?> event : storedEvents.deserialize(stored)) {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
        }

        for (String collection : List.of(InteractionsProjection.COLLECTION, TicketsProjection.COLLECTION,
                SurveysProjection.COLLECTION, OwnershipProjection.COLLECTION, TimelineProjection.COLLECTION)) {
            assertThat(documents(scratch, collection)).as(collection)
                    .isNotEmpty().containsExactlyElementsOf(documents(ledgerDatabase, collection));
        }
        scratch.drop();
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private void writeSomeHistory() {
        String account = openAccount();
        String contact = addContact(account, "COO");
        String interaction = logInteraction(account, Instant.now().minus(Duration.ofDays(2)), "CHAT", "Chat", "tm-1",
                contact);
        post("/interactions/" + interaction + "/corrections", Map.of("channel", "CALL", "direction", "INBOUND",
                "occurredAt", Instant.now().minus(Duration.ofDays(3)).toString(), "contactIds", List.of(contact),
                "sentiment", 2, "summary", "Call", "recordedBy", "tm-2"));
        post("/interactions/" + interaction + "/retraction", Map.of("retractedBy", "tm-2"));
        String ticket = json(post("/accounts/" + account + "/tickets", Map.of("severity", "LOW", "subject", "Bug",
                "openedBy", "tm-1")).getBody()).get("ticketId").asText();
        post("/tickets/" + ticket + "/escalation", Map.of("severity", "HIGH", "escalatedBy", "tm-1"));
        post("/tickets/" + ticket + "/resolution", Map.of("resolvedBy", "tm-1"));
        post("/accounts/" + account + "/surveys", Map.of("contactId", contact, "kind", "CSAT", "score", 5,
                "recordedBy", "tm-1"));
        post("/accounts/" + account + "/owner", Map.of("ownerId", "tm-1", "assignedBy", "lead"));
        post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", "tm-1", "toOwnerId", "tm-2", "note", "n",
                "openItems", List.of("a")));
    }
}
