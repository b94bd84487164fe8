package org.relationshipledger.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.engagement.integration.AccountMapProjection;
import org.relationshipledger.engagement.integration.RosterProjection;
import org.relationshipledger.engagement.roster.RosterContact;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The running service on real Kafka and MongoDB, one Spring context shared by every integration test. Accounts,
 * contacts and affinities reach it the way they do in production: as contacts-service and mapping-service records
 * on their topics.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "engagement.sla.sweep-interval-ms=3600000")
public abstract class LiveEngagement {

    protected static final ObjectMapper JSON = LedgerJson.mapper();
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected StoredEvents storedEvents;

    @Autowired
    protected RosterProjection roster;

    @Autowired
    protected AccountMapProjection accountMap;

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    protected String openAccount() {
        String accountId = newId();
        publish(Topics.CONTACTS, accountId, new AccountEvent.AccountOpened(accountId, "Acme " + accountId.substring(0, 6),
                "Logistics", AccountEvent.Segment.ENTERPRISE, "EMEA", Instant.now().minus(Duration.ofDays(400))));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.accountExists(accountId));
        return accountId;
    }

    protected String addContact(String accountId, String title) {
        String contactId = newId();
        publish(Topics.CONTACTS, contactId, new ContactEvent.ContactAdded(accountId, contactId, title, "Finance",
                "Procurement", ContactEvent.Seniority.DIRECTOR, Instant.now().minus(Duration.ofDays(300))));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(contactId).isPresent());
        return contactId;
    }

    protected void contactLeft(String accountId, String contactId, Instant leftAt) {
        publish(Topics.CONTACTS, contactId, new ContactEvent.ContactLeft(accountId, contactId, leftAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(contactId)
                .filter(c -> c.status() == RosterContact.Status.LEFT).isPresent());
    }

    protected void contactErased(String accountId, String contactId) {
        publish(Topics.CONTACTS, contactId, new ContactEvent.ContactErased(accountId, contactId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(contactId)
                .filter(c -> c.status() == RosterContact.Status.ERASED).isPresent());
    }

    protected void rateAffinity(String accountId, String contactId, String teamMemberId, int score, String note) {
        publish(Topics.MAPPING, "map-" + accountId, new MappingEvent.AffinityRated(accountId, contactId, teamMemberId,
                score, note, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> accountMap.affinities(accountId).stream()
                .anyMatch(a -> a.contactId().equals(contactId) && a.teamMemberId().equals(teamMemberId)
                        && a.score() == score));
    }

    /** Writes a record the way another service's outbox relay would: CloudEvents envelope, key = account id. */
    protected static LedgerEnvelope publish(String topic, String streamId, IntegrationEvent event) {
        long sequence = SEQUENCES.computeIfAbsent(streamId, s -> new AtomicLong()).getAndIncrement();
        LedgerEnvelope envelope = new LedgerEnvelope(newId(), "/relationship-ledger/test", EventCatalog.wireName(
                event.getClass()), EventCatalog.revision(event.getClass()), Instant.now(), event.accountId(),
                streamId, "Test", sequence, "default", newId(), "hash-" + sequence, "hash-" + (sequence - 1),
                LedgerJson.write(event));
        send(topic, envelope);
        return envelope;
    }

    protected static void send(String topic, LedgerEnvelope envelope) {
        try {
            producer().send(EnvelopeCodec.toRecord(topic, envelope.accountId(), envelope)).get(30,
                    java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a test record", e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    protected long storedCount() {
        return storedEvents.collection().countDocuments();
    }

    protected ResponseEntity<String> post(String path, Object body) {
        return post(path, body, new HttpHeaders());
    }

    protected ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        String text = body instanceof String raw ? raw : new String(LedgerJson.write(body));
        return http.postForEntity(path, new HttpEntity<>(text, headers), String.class);
    }

    protected JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response.getBody());
    }

    protected static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String logInteraction(String accountId, Instant occurredAt, String channel, String summary,
                                    String recordedBy, String... contactIds) {
        ResponseEntity<String> created = post("/accounts/" + accountId + "/interactions", Map.of(
                "channel", channel, "direction", "OUTBOUND", "occurredAt", occurredAt.toString(),
                "contactIds", java.util.List.of(contactIds), "teamMemberIds", java.util.List.of(recordedBy),
                "sentiment", 1, "summary", summary, "recordedBy", recordedBy));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(created.getBody()).get("interactionId").asText();
    }

    protected static void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
        if (field != null) {
            assertThat(json(response.getBody()).path("errors").findValuesAsText("field")).contains(field);
        }
    }
}
