package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.engagement.LiveEngagement;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.textkeys.MongoTextKeys;
import org.relationshipledger.testkit.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Invariant 8 for free text (ADR 0034): summaries, subjects, reasons and comments are never in the event store in
 * clear, and once a contact is erased, the texts of every record involving them are gone for good from everything
 * the service keeps, while the stored events, and their hash chains, stay exactly as written.
 */
class FreeTextErasureIT extends LiveEngagement {

    @Autowired
    ChainVerifier chainVerifier;

    @Autowired
    TextVault vault;

    @Autowired
    MongoDatabase ledgerDatabase;

    @Test
    void erasingAContactShredsTheTextOfEveryRecordInvolvingThemAndNothingElse() throws Exception {
        String unique = newId().substring(0, 8);
        String account = openAccount();
        String anna = addContact(account, "Head of Logistics");
        String ben = addContact(account, "CFO");
        String annasSummary = "Anna Quist-" + unique + " hinted she is leaving in March";
        String correctedAway = "Anna Quist-" + unique + " joined by mistake";
        String ticketSubject = "Anna Quist-" + unique + " cannot export invoices";
        String annasComment = "Anna Quist-" + unique + ": support is too slow";
        String reason = "Anna Quist-" + unique + " was not there";
        String bensSummary = "Ben Roe-" + unique + " approved the budget";
        String bensComment = "Ben Roe-" + unique + ": great service";
        List<String> annasTexts = List.of(annasSummary, correctedAway, ticketSubject, annasComment, reason,
                "Quist-" + unique);

        String withAnna = logInteraction(account, Instant.now().minus(Duration.ofDays(3)), "MEETING", annasSummary,
                "tm-1", anna);
        String annaCorrectedAway = logInteraction(account, Instant.now().minus(Duration.ofDays(2)), "CALL",
                correctedAway, "tm-1", anna, ben);
        assertThat(post("/interactions/" + annaCorrectedAway + "/corrections", Map.of("channel", "CALL",
                "direction", "OUTBOUND", "occurredAt", Instant.now().minus(Duration.ofDays(2)).toString(),
                "contactIds", List.of(ben), "teamMemberIds", List.of("tm-1"), "sentiment", 1,
                "summary", "Budget call", "recordedBy", "tm-1", "reason", reason)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String withBen = logInteraction(account, Instant.now().minus(Duration.ofDays(1)), "EMAIL", bensSummary,
                "tm-1", ben);
        String annasTicket = json(post("/accounts/" + account + "/tickets", Map.of("severity", "HIGH", "subject",
                ticketSubject, "contactId", anna, "openedBy", "tm-1")).getBody()).get("ticketId").asText();
        String annasSurvey = json(post("/accounts/" + account + "/surveys", Map.of("contactId", anna, "kind", "NPS",
                "score", 4, "comment", annasComment, "recordedBy", "tm-1")).getBody()).get("surveyId").asText();
        String bensSurvey = json(post("/accounts/" + account + "/surveys", Map.of("contactId", ben, "kind", "CSAT",
                "score", 5, "comment", bensComment, "recordedBy", "tm-1")).getBody()).get("surveyId").asText();
        List<String> annasStreams = List.of(withAnna, annaCorrectedAway, annasTicket, annasSurvey);

        assertThat(get("/interactions/" + withAnna).get("summary").asText()).isEqualTo(annasSummary);
        assertThat(rawEventStore()).as("sealed at rest before any erasure")
                .noneMatch(json -> containsAny(json, annasTexts) || json.contains(bensSummary)
                        || json.contains(bensComment));
        List<String> storedBefore = annasStreams.stream().flatMap(id -> storedEvents.stream(id).stream())
                .map(Document::toJson).toList();

        publish(Topics.CONTACTS, anna, new ContactEvent.ContactErased(account, anna, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/interactions/" + withAnna).get("summary").asText()).isEqualTo(TextVault.ERASED));

        assertThat(get("/interactions/" + annaCorrectedAway).get("summary").asText()).isEqualTo(TextVault.ERASED);
        assertThat(get("/tickets/" + annasTicket).get("subject").asText()).isEqualTo(TextVault.ERASED);
        JsonNode surveys = get("/accounts/" + account + "/surveys");
        assertThat(surveyComment(surveys, annasSurvey)).isEqualTo(TextVault.ERASED);
        assertThat(surveyComment(surveys, bensSurvey)).isEqualTo(bensComment);
        assertThat(get("/interactions/" + withBen).get("summary").asText()).isEqualTo(bensSummary);
        String timeline = get("/accounts/" + account + "/timeline").toString();
        assertThat(timeline).contains(bensSummary, TextVault.ERASED).doesNotContain(annasTexts);
        assertThat(get("/accounts/" + account + "/handover-package").toString()).doesNotContain(annasTexts);

        assertThat(everyDocumentOfEveryDatabase()).noneMatch(json -> containsAny(json, annasTexts));
        assertThat(annasStreams.stream().flatMap(id -> storedEvents.stream(id).stream()).map(Document::toJson)
                .toList()).as("stored events are never touched").isEqualTo(storedBefore);
        for (String stream : annasStreams) {
            assertThat(chainVerifier.verify(stream, OptionalLong.empty()).intact()).as(stream).isTrue();
        }
        assertThat(ledgerDatabase.getCollection(MongoTextKeys.COLLECTION)
                .find(Filters.eq("_id", "interaction:" + annaCorrectedAway)).first())
                .satisfies(key -> assertThat(key.get("keyset")).isNull());

        // A rebuild from the store shows what the live views show now.
        MongoDatabase scratch = mongo().getDatabase("engagement-erasure-" + unique);
        InteractionsProjection rebuilt = new InteractionsProjection(scratch, vault);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(rebuilt);
        for (DomainEventMessage<?> event : storedEvents.deserialize(storedEvents.stream(annaCorrectedAway))) {
            handler.handle(event);
        }
        assertThat(rebuilt.byId(annaCorrectedAway).orElseThrow().summary()).isEqualTo(TextVault.ERASED);
        scratch.drop();

        long stored = storedCount();
        assertProblem(post("/interactions/" + annaCorrectedAway + "/corrections", Map.of("channel", "CALL",
                "direction", "OUTBOUND", "occurredAt", Instant.now().minus(Duration.ofDays(2)).toString(),
                "contactIds", List.of(ben), "sentiment", 1, "summary", "Try again", "recordedBy", "tm-1")),
                HttpStatus.CONFLICT, "interactionId");
        assertThat(storedCount()).isEqualTo(stored);
    }

    private static String surveyComment(JsonNode surveys, String surveyId) {
        for (JsonNode survey : surveys) {
            if (survey.get("surveyId").asText().equals(surveyId)) {
                return survey.get("comment").asText();
            }
        }
        throw new AssertionError("no survey " + surveyId + " in " + surveys);
    }

    private static boolean containsAny(String json, List<String> texts) {
        return texts.stream().anyMatch(json::contains);
    }

    private List<String> rawEventStore() {
        return storedEvents.collection().find().map(Document::toJson).into(new ArrayList<>());
    }

    private static MongoClient mongo() {
        return RealInfrastructure.get().mongoClient();
    }

    private static List<String> everyDocumentOfEveryDatabase() {
        List<String> documents = new ArrayList<>();
        for (String databaseName : mongo().listDatabaseNames()) {
            MongoDatabase database = mongo().getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                database.getCollection(collection).find().forEach(document -> documents.add(document.toJson()));
            }
        }
        return documents;
    }
}
