package org.relationshipledger.analytics.integration;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.testkit.RealInfrastructure;

/**
 * Publishes events onto the ledger topics exactly as the producing services' relays do: a CloudEvents envelope
 * keyed by account id, one stream per producing aggregate with consecutive sequences and a hash chain.
 */
public final class LedgerTopics implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> lastHashes = new HashMap<>();

    public LedgerTopics() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the event as recorded now, in the default stream of its family. */
    public LedgerEnvelope publish(IntegrationEvent event) {
        return publish(event, Instant.now());
    }

    public LedgerEnvelope publish(IntegrationEvent event, Instant recordedAt) {
        return publish(envelope(event, recordedAt, streamIdOf(event)));
    }

    public LedgerEnvelope publish(LedgerEnvelope envelope) {
        return publish(topicOf(envelope), envelope);
    }

    public LedgerEnvelope publish(String topic, LedgerEnvelope envelope) {
        send(EnvelopeCodec.toRecord(topic, envelope.accountId(), envelope));
        return envelope;
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The next envelope of the stream, chained to its predecessor, without publishing it. */
    public LedgerEnvelope envelope(IntegrationEvent event, Instant recordedAt, String streamId) {
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        String previous = lastHashes.getOrDefault(streamId, Recorder.GENESIS);
        String eventId = UUID.randomUUID().toString();
        String hash = Recorder.sha256(previous + eventId);
        lastHashes.put(streamId, hash);
        return new LedgerEnvelope(eventId, "/relationship-ledger/" + sourceOf(event),
                EventCatalog.wireName(event.getClass()), EventCatalog.revision(event.getClass()), recordedAt,
                event.accountId(), streamId, streamTypeOf(event), sequence, "default", UUID.randomUUID().toString(),
                hash, previous, LedgerJson.write(event));
    }

    public static String streamIdOf(IntegrationEvent event) {
        return streamTypeOf(event) + "-" + event.accountId();
    }

    private static String streamTypeOf(IntegrationEvent event) {
        return switch (event) {
            case AccountEvent ignored -> "Account";
            case ContactEvent ignored -> "Contact";
            case EngagementEvent ignored -> "Engagement";
            default -> "AccountMap";
        };
    }

    private static String sourceOf(IntegrationEvent event) {
        return switch (event) {
            case AccountEvent ignored -> "contacts-service";
            case ContactEvent ignored -> "contacts-service";
            case EngagementEvent ignored -> "engagement-service";
            default -> "mapping-service";
        };
    }

    @SuppressWarnings("unchecked")
    private static String topicOf(LedgerEnvelope envelope) {
        Class<?> type = EventCatalog.classFor(envelope.type(), envelope.revision()).orElseThrow();
        return EventCatalog.topicOf((Class<? extends IntegrationEvent>) type);
    }

    @Override
    public void close() {
        producer.close();
    }
}
