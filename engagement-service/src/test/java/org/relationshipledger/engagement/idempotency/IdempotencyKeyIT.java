package org.relationshipledger.engagement.idempotency;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.engagement.LiveEngagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.mongodb.client.MongoDatabase;

class IdempotencyKeyIT extends LiveEngagement {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase ledgerDatabase;

    @Test
    void aPostRetriedAfterATimeoutWithTheSameKeyCreatesExactlyOneInteraction() throws Exception {
        String account = openAccount();
        String key = newId();
        Map<String, Object> body = interaction("Renewal call");
        long before = storedCount();

        // The client gives up long before the service answers; whether or not the first request landed, the retry
        // must neither fail nor create a second interaction.
        HttpRequest impatient = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/accounts/" + account
                        + "/interactions")).timeout(Duration.ofMillis(1))
                .header("Content-Type", "application/json").header(IdempotentSubmissions.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(LedgerJson.write(body))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(impatient, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException expected) {
            // the simulated timeout
        }
        ResponseEntity<String> retry = post("/accounts/" + account + "/interactions", body, keyed(key));
        ResponseEntity<String> again = post("/accounts/" + account + "/interactions", body, keyed(key));

        assertThat(retry.getStatusCode()).as(retry.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = json(retry.getBody()).get("interactionId").asText();
        assertThat(json(again.getBody()).get("interactionId").asText()).isEqualTo(id);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/accounts/" + account + "/interactions").size() == 1);
        assertThat(get("/accounts/" + account + "/interactions").findValuesAsText("interactionId"))
                .containsExactly(id);
        assertThat(storedEvents.stream(id)).hasSize(1);
        assertThat(storedCount()).isEqualTo(before + 1);
    }

    @Test
    void aRetryAfterACrashBetweenTheAppendAndTheKeyRecordStillCreatesOnlyOne() {
        String account = openAccount();
        String key = newId();
        Map<String, Object> body = interaction("Crash test");
        ResponseEntity<String> first = post("/accounts/" + account + "/interactions", body, keyed(key));
        String id = json(first.getBody()).get("interactionId").asText();
        // What a crash right after the append leaves behind: the event, but no key record.
        ledgerDatabase.getCollection(IdempotentSubmissions.COLLECTION).deleteOne(eq("_id", "default:" + key));
        long before = storedCount();

        ResponseEntity<String> retry = post("/accounts/" + account + "/interactions", body, keyed(key));

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(retry.getBody()).get("interactionId").asText()).isEqualTo(id);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedCount()).isEqualTo(before);
        assertThat(ledgerDatabase.getCollection(IdempotentSubmissions.COLLECTION)
                .countDocuments(eq("_id", "default:" + key))).isOne();
    }

    @Test
    void twoCopiesOfARequestArrivingTogetherCreateOneInteraction() throws Exception {
        String account = openAccount();
        String key = newId();
        Map<String, Object> body = interaction("Sent twice by a flaky proxy");
        long before = storedCount();

        Callable<ResponseEntity<String>> send = () -> post("/accounts/" + account + "/interactions", body,
                keyed(key));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<ResponseEntity<String>> answers = new ArrayList<>();
        try {
            for (Future<ResponseEntity<String>> answer : clients.invokeAll(List.of(send, send))) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).as(answer.getBody())
                .isEqualTo(HttpStatus.CREATED));
        assertThat(answers).extracting(answer -> json(answer.getBody()).get("interactionId").asText())
                .containsOnly(json(answers.getFirst().getBody()).get("interactionId").asText());
        assertThat(storedCount()).isEqualTo(before + 1);
        assertThat(get("/accounts/" + account + "/interactions")).hasSize(1);
    }

    @Test
    void refusesAKeyReusedForADifferentRequest() {
        String account = openAccount();
        String key = newId();
        post("/accounts/" + account + "/interactions", interaction("First"), keyed(key));
        long before = storedCount();

        ResponseEntity<String> reused = post("/accounts/" + account + "/interactions", interaction("Second"),
                keyed(key));

        assertProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, IdempotentSubmissions.HEADER);
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void aRetriedTicketOrSurveyIsNotDuplicatedEither() {
        String account = openAccount();
        String contact = addContact(account, "CFO");
        String ticketKey = newId();
        String surveyKey = newId();
        Map<String, Object> ticket = Map.of("severity", "LOW", "subject", "Slow reports", "openedBy", "tm-1");
        Map<String, Object> survey = Map.of("contactId", contact, "kind", "NPS", "score", 7, "recordedBy", "tm-1");

        String firstTicket = json(post("/accounts/" + account + "/tickets", ticket, keyed(ticketKey)).getBody())
                .get("ticketId").asText();
        String firstSurvey = json(post("/accounts/" + account + "/surveys", survey, keyed(surveyKey)).getBody())
                .get("surveyId").asText();
        long before = storedCount();

        assertThat(json(post("/accounts/" + account + "/tickets", ticket, keyed(ticketKey)).getBody())
                .get("ticketId").asText()).isEqualTo(firstTicket);
        assertThat(json(post("/accounts/" + account + "/surveys", survey, keyed(surveyKey)).getBody())
                .get("surveyId").asText()).isEqualTo(firstSurvey);
        assertThat(storedCount()).isEqualTo(before);
    }

    private static HttpHeaders keyed(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdempotentSubmissions.HEADER, key);
        return headers;
    }

    private static Map<String, Object> interaction(String summary) {
        return Map.of("channel", "CALL", "direction", "OUTBOUND",
                "occurredAt", Instant.now().minus(Duration.ofHours(2)).toString(), "contactIds", List.of(),
                "teamMemberIds", List.of("tm-1"), "sentiment", 1, "summary", summary, "recordedBy", "tm-1");
    }
}
