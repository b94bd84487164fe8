package org.relationshipledger.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.OutboxConfiguration;
import org.relationshipledger.core.outbox.OutboxIntents;
import org.relationshipledger.core.outbox.OutboxRelay;
import org.relationshipledger.core.outbox.PublishListener;
import org.relationshipledger.core.outbox.RelayLease;
import org.relationshipledger.core.outbox.RelayMetrics;
import org.relationshipledger.core.outbox.RelaySettings;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * B3: the relay draining a backlog of stored events (20,000 in streams of ten, plus whatever the other benchmarks
 * left; production settings, one idempotent producer, acks=all), against a raw idempotent producer sending as many
 * records of about the same size.
 */
final class RelayBenchmark {

    private final OutboxIntents intents;
    private final StoredEvents storedEvents;
    private final IntegrationEventTranslator translator;
    private final MongoDatabase database;
    private final String kafkaBootstrapServers;

    private static final int BACKLOG_STREAMS = 2_000;
    private static final int EVENTS_PER_STREAM = 10;

    private final EventStorageEngine engine;

    RelayBenchmark(EventStorageEngine engine, OutboxIntents intents, StoredEvents storedEvents,
                   IntegrationEventTranslator translator, MongoDatabase database, String kafkaBootstrapServers) {
        this.engine = engine;
        this.intents = intents;
        this.storedEvents = storedEvents;
        this.translator = translator;
        this.database = database;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    Figure run() throws Exception {
        appendBacklog();
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(kafkaBootstrapServers));
        Clock clock = Clock.systemUTC();
        OutboxRelay relay = new OutboxRelay(intents, storedEvents,
                new RelayLease(database, "bench-relay", "bench", Duration.ofSeconds(30), clock), translator,
                OutboxConfiguration.producers(kafka, "bench-service"),
                new RelaySettings("/relationship-ledger/bench-service", "bench", 500, 200, Duration.ofMillis(100)),
                new RelayMetrics(new SimpleMeterRegistry(), "bench-service", clock), PublishListener.NONE, clock);
        long published = 0;
        long start = System.nanoTime();
        while (!intents.pending(1).isEmpty()) {
            published += relay.relayOnce();
        }
        double relayRate = published / ((System.nanoTime() - start) / 1e9);
        relay.stop();

        double rawRate = rawProducer(published, 400);
        return Figure.of("B3", "relay: stored events published to Kafka", relayRate, "events/s", rawRate,
                "raw KafkaProducer, same count, ~same record size, acks=all, idempotent", "ratio ≥ 0.3", true, 0.3,
                published + " events relayed");
    }

    private void appendBacklog() throws InterruptedException {
        AtomicLong next = new AtomicLong();
        Load.throughput(4, Duration.ofMinutes(10), index -> {
            long streamIndex = next.getAndIncrement();
            if (streamIndex >= BACKLOG_STREAMS) {
                throw new Load.BacklogComplete();
            }
            String stream = UUID.randomUUID().toString();
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int sequence = 0; sequence < EVENTS_PER_STREAM; sequence++) {
                Object payload = sequence == 0
                        ? new BenchAccount.Opened(stream, "Backlog " + streamIndex, "Retail", Instant.now())
                        : new BenchAccount.ValueChanged(stream, BigDecimal.valueOf(sequence * 1000L), Instant.now());
                events.add(new GenericDomainEventMessage<>("BenchAccount", stream, sequence, payload));
            }
            engine.appendEvents(events);
        });
    }

    private double rawProducer(long count, int valueBytes) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[valueBytes];
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>("bench.raw", "account-" + (i % 5000), value)));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
