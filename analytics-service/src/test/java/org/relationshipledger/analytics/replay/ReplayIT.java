package org.relationshipledger.analytics.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relationshipledger.analytics.Problems.assertProblem;
import static org.relationshipledger.analytics.Problems.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.ledger.Generation;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

class ReplayIT extends AnalyticsIntegration {

    @Autowired
    AccountLedger ledger;

    @Autowired
    MongoDatabase ledgerDatabase;

    @Test
    void aRebuildFromOffsetZeroEqualsTheLiveProjectionDocumentForDocument() {
        List<String> accounts = new ArrayList<>();
        Instant now = Instant.now();
        for (int a = 0; a < 5; a++) {
            String account = "acc-replay-" + UUID.randomUUID();
            accounts.add(account);
            topics.publish(new AccountOpened(account, "Replay " + a, null, Segment.MID_MARKET, null, now));
            topics.publish(new InteractionLogged(account, "i-1", Channel.CALL, Direction.INBOUND, List.of(),
                    List.of(), a % 3 - 1, null, now.minus(Duration.ofDays(a * 10L))));
            topics.publish(new AffinityRated(account, "c-1", "tm-1", a, null, now));
            topics.publish(new TicketOpened(account, "t-1", Severity.MEDIUM, null, now, now));
        }
        // Records of one account normally share a partition number on every topic, and a replay finishes each
        // partition group's accounts before reading the next; this one's are split across groups on purpose.
        String split = "acc-replay-split-" + UUID.randomUUID();
        accounts.add(split);
        publishTo(1, topics.envelope(new AccountOpened(split, "Split", null, Segment.SMB, null, now), now,
                "Account-" + split));
        publishTo(0, topics.envelope(new AffinityRated(split, "c-1", "tm-1", 4, null, now), now.plusSeconds(1),
                "AccountMap-" + split));
        publishTo(2, topics.envelope(new InteractionLogged(split, "i-1", Channel.MEETING, Direction.OUTBOUND,
                List.of(), List.of(), 2, null, now), now.plusSeconds(2), "Engagement-" + split));
        publishTo(0, topics.envelope(new TicketOpened(split, "t-1", Severity.LOW, null, now, now),
                now.plusSeconds(3), "Engagement-" + split));
        for (String account : accounts) {
            awaitHealth(account, 4);
        }
        Generation live = ledger.active();

        ResponseEntity<String> started = http.postForEntity("/replays", Map.of("projection", "account-ledger"),
                String.class);
        ResponseEntity<String> second = http.postForEntity("/replays", Map.of("projection", "account-ledger"),
                String.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = json(started.getBody()).path("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/replays/" + id);
        assertProblem(second, HttpStatus.CONFLICT, "projection");
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> json(http.getForEntity("/replays/{id}", String.class, id).getBody()),
                status -> !status.path("state").asText().equals("RUNNING"));
        assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.path("recordsRead").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(done.path("recordsRead").asLong()).isEqualTo(done.path("recordsTotal").asLong());
        assertThat(done.path("recordsPerSecond").asDouble()).isPositive();
        assertThat(done.path("toGeneration").asInt()).isEqualTo(live.number() + 1);
        assertThat(ledger.active()).isEqualTo(live.next());

        assertSameDocuments(live.events(), live.next().events());
        assertSameDocuments(live.views(), live.next().views());
        assertSameIndex(live.index(), live.next().index());
        for (String account : accounts) {
            assertThat(http.getForEntity("/accounts/{id}/health", String.class, account).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForEntity("/actuator/metrics/analytics.replay.records", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(json(http.getForEntity("/actuator/metrics/analytics.replay.progress", String.class).getBody())
                .path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void refusesAnUnknownOrMissingProjectionAndAnUnknownReplay() {
        assertProblem(http.postForEntity("/replays", Map.of("projection", "no-such-view"), String.class),
                HttpStatus.BAD_REQUEST, "projection");
        assertProblem(http.postForEntity("/replays", Map.of(), String.class), HttpStatus.BAD_REQUEST, "projection");
        assertProblem(http.getForEntity("/replays/{id}", String.class, "nope"), HttpStatus.NOT_FOUND, "id");
    }

    private static void publishTo(int partition, LedgerEnvelope envelope) {
        String topic = EventCatalog.topicOf(EventCatalog.classFor(envelope.type(), envelope.revision())
                .orElseThrow().asSubclass(IntegrationEvent.class));
        ProducerRecord<String, byte[]> natural = EnvelopeCodec.toRecord(topic, envelope.accountId(), envelope);
        topics.send(new ProducerRecord<>(topic, partition, natural.key(), natural.value(), natural.headers()));
    }

    private void assertSameDocuments(String liveCollection, String rebuiltCollection) {
        Map<Object, Document> live = byId(liveCollection);
        Map<Object, Document> rebuilt = byId(rebuiltCollection);
        assertThat(live).isNotEmpty();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((id, document) -> assertThat(rebuilt.get(id)).as("document %s", id).isEqualTo(document));
    }

    /** The index only lists which events an account has; its array keeps arrival order, which a replay may change. */
    private void assertSameIndex(String liveCollection, String rebuiltCollection) {
        Map<Object, Document> live = byId(liveCollection);
        Map<Object, Document> rebuilt = byId(rebuiltCollection);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        live.forEach((id, document) -> assertThat(new HashSet<>(rebuilt.get(id).getList("eventIds", String.class)))
                .isEqualTo(new HashSet<>(document.getList("eventIds", String.class))));
    }

    private Map<Object, Document> byId(String collection) {
        Map<Object, Document> documents = new HashMap<>();
        ledgerDatabase.getCollection(collection).find().forEach(document -> documents.put(document.get("_id"),
                document));
        return documents;
    }
}
