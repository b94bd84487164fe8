package org.relationshipledger.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.core.eventstore.StoredEvents;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * B7: appending through the ledger's storage engine (hash chain + outbox intent) against Axon's plain Mongo engine
 * on the same server; and verifying chains against merely reading the same documents.
 */
final class ChainBenchmarks {

    private static final int THREADS = 8;
    private static final int STREAMS = 400;

    private final EventStorageEngine ledgerEngine;
    private final Serializer serializer;
    private final StoredEvents storedEvents;
    private final ChainVerifier verifier;
    private final String mongoUri;
    private final Duration measure;

    ChainBenchmarks(EventStorageEngine ledgerEngine, Serializer serializer, StoredEvents storedEvents,
                    ChainVerifier verifier, String mongoUri, Duration measure) {
        this.ledgerEngine = ledgerEngine;
        this.serializer = serializer;
        this.storedEvents = storedEvents;
        this.verifier = verifier;
        this.mongoUri = mongoUri;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            EventStorageEngine plain = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "bench_plain_axon").build())
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            Appender ledger = new Appender(ledgerEngine);
            Appender axon = new Appender(plain);
            Load.throughput(THREADS, Duration.ofSeconds(3), ledger::append);
            Load.throughput(THREADS, Duration.ofSeconds(3), axon::append);
            double ledgerRate = Load.throughput(THREADS, measure, ledger::append);
            double plainRate = Load.throughput(THREADS, measure, axon::append);

            List<String> streams = ledger.streams();
            long verified = 0;
            long start = System.nanoTime();
            for (String stream : streams) {
                verified += verifier.verify(stream, OptionalLong.empty()).eventsChecked();
            }
            double verifyRate = verified / ((System.nanoTime() - start) / 1e9);
            long read = 0;
            start = System.nanoTime();
            for (String stream : streams) {
                for (Document ignored : storedEvents.collection().find(Filters.eq("aggregateIdentifier", stream))
                        .sort(Sorts.ascending("sequenceNumber"))) {
                    read++;
                }
            }
            double readRate = read / ((System.nanoTime() - start) / 1e9);

            return List.of(
                    Figure.of("B7a", "append with hash chain + outbox intent (8 threads, streams of 1..n)", ledgerRate,
                            "events/s", plainRate, "Axon's plain Mongo engine, same events, same server", "ratio ≥ 0.8",
                            true, 0.8, "each append also reads the predecessor's hash by unique key"),
                    Figure.of("B7b", "chain verification", verifyRate, "events/s", readRate,
                            "reading the same streams' documents", "ratio ≥ 0.5", true, 0.5,
                            verified + " events in " + streams.size() + " streams"));
        }
    }

    /** Appends the next event of one of {@value #STREAMS} streams, so streams grow and each event links back. */
    private static final class Appender {

        private final EventStorageEngine engine;
        private final List<String> streams = new ArrayList<>();
        private final ConcurrentHashMap<String, AtomicLong> nextSequence = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

        Appender(EventStorageEngine engine) {
            this.engine = engine;
            for (int i = 0; i < STREAMS; i++) {
                streams.add(UUID.randomUUID().toString());
            }
        }

        void append(long index) {
            String stream = streams.get((int) (index % STREAMS));
            // One writer per stream at a time, as Axon's aggregate lock would ensure.
            synchronized (locks.computeIfAbsent(stream, s -> new Object())) {
                long sequence = nextSequence.computeIfAbsent(stream, s -> new AtomicLong()).getAndIncrement();
                Object payload = sequence == 0
                        ? new BenchAccount.Opened(stream, "Account " + index, "Logistics", Instant.now())
                        : new BenchAccount.ValueChanged(stream, BigDecimal.valueOf(index), Instant.now());
                engine.appendEvents(List.of(new GenericDomainEventMessage<>("BenchAccount", stream, sequence, payload,
                        MetaData.with("tenantId", "bench"))));
            }
        }

        List<String> streams() {
            return streams;
        }
    }
}
