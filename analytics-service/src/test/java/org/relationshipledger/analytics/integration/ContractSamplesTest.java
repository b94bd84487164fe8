package org.relationshipledger.analytics.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.analytics.health.scoring.HealthScore;
import org.relationshipledger.analytics.health.scoring.HealthScoring;
import org.relationshipledger.analytics.health.scoring.Models;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.kpi.math.AccountFacts;
import org.relationshipledger.analytics.ledger.ReceivedEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;

/**
 * Consumer side of the contract: every approved sample of the published language, enveloped as a relay would,
 * is read by the listener's reader and folded into a score, so a producer's sample this service cannot handle
 * fails here rather than in a dead-letter collection.
 */
class ContractSamplesTest {

    static List<Class<?>> publishedEvents() {
        return EventCatalog.integrationEventTypes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void readsAndFoldsTheApprovedSample(Class<?> type) {
        byte[] sample = sample(type);
        String accountId = accountIdIn(sample);
        LedgerEnvelope envelope = new LedgerEnvelope(UUID.randomUUID().toString(), "/relationship-ledger/test",
                EventCatalog.wireName(type), EventCatalog.revision(type), Instant.parse("2026-06-01T00:00:00Z"),
                accountId, "stream-1", "Stream", 0, "default", null, "a".repeat(64), "0".repeat(64), sample);
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]> produced = EnvelopeCodec.toRecord(
                EventCatalog.topicOf((Class<? extends IntegrationEvent>) type), accountId, envelope);

        ReceivedEvent received = RecordReader.read(new ConsumerRecord<>(produced.topic(), 0, 42L, 0L,
                TimestampType.CREATE_TIME, 0, 0, produced.key(), produced.value(), produced.headers(),
                java.util.Optional.empty()));

        assertThat(received.event()).isInstanceOf(type);
        assertThat(received.envelope().eventId()).isEqualTo(envelope.eventId());
        AccountState state = AccountState.empty(accountId).apply(new RecordedEvent(envelope.eventId(),
                envelope.type(), envelope.revision(), envelope.recordedAt(), envelope.streamId(),
                envelope.streamType(), envelope.sequence(), envelope.hash(), envelope.previousHash(),
                received.event()));
        HealthScore score = HealthScoring.score(state, envelope.recordedAt(), Models.standard());
        assertThat(score.score()).isBetween(0.0, 100.0);
        assertThat(AccountFacts.of(state).accountId()).isEqualTo(accountId);
    }

    private static byte[] sample(Class<?> type) {
        String resource = "/contracts/samples/%s.v%d.json".formatted(EventCatalog.wireName(type),
                EventCatalog.revision(type));
        try (InputStream in = ContractSamplesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("sample %s on the test class path", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String accountIdIn(byte[] sample) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(sample).path("accountId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
