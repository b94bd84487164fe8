package org.relationshipledger.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.consumer.DeadLetters;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.MeterRegistry;

@WithRealInfrastructure
// One context with the web tests (SecurityAndTenancyIT, HostileRequestsIT): its relay is the only one holding the lease.
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleServiceIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    ChainVerifier chainVerifier;

    @Autowired
    TransactionManager transactionManager;

    @AfterEach
    void openTheGate() {
        SampleAccount.beforeDecide = () -> { };
    }

    @Test
    void usesNoMultiDocumentTransactions() {
        assertThat(transactionManager).isSameAs(NoTransactionManager.INSTANCE);
    }

    @Test
    void anAggregatesEventsAreStoredUnderWireNamesAndArriveOnKafkaOncePerEventIdInOrder() {
        List<String> accounts = List.of(newId(), newId(), newId());
        for (String account : accounts) {
            commands.sendAndWait(new SampleAccount.OpenSampleAccount(account, "Acme " + account.substring(0, 4)));
            for (int i = 1; i <= 3; i++) {
                commands.sendAndWait(new SampleAccount.ChangeValue(account, BigDecimal.valueOf(i * 1000L)));
            }
        }

        List<Document> stored = storedEvents.collection()
                .find(Filters.in("aggregateIdentifier", accounts)).into(new ArrayList<>());
        assertThat(stored).hasSize(12);
        assertThat(stored).extracting(d -> d.getString("payloadType"))
                .containsOnly("sample.SampleAccount.Opened", "sample.SampleAccount.ValueChanged");
        accounts.forEach(account -> assertThat(chainVerifier.verify(account, OptionalLong.of(3)).intact()).isTrue());

        Set<String> wanted = Set.copyOf(accounts);
        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            kafka.readUntil(all -> all.stream().filter(r -> wanted.contains(r.key())).count() >= 12,
                    Duration.ofSeconds(30), Topics.CONTACTS);
            List<LedgerEnvelope> received = kafka.readAll(Topics.CONTACTS, Duration.ofMillis(500)).stream()
                    .filter(r -> wanted.contains(r.key())).map(EnvelopeCodec::fromRecord).toList();

            assertThat(received).hasSize(12).extracting(LedgerEnvelope::eventId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(stored.stream().map(d -> d.getString("eventIdentifier")).toList());
            Map<String, List<Long>> sequences = received.stream().collect(Collectors.groupingBy(
                    LedgerEnvelope::streamId, Collectors.mapping(LedgerEnvelope::sequence, Collectors.toList())));
            sequences.values().forEach(s -> assertThat(s).containsExactly(0L, 1L, 2L, 3L));
            assertThat(received).extracting(LedgerEnvelope::source).containsOnly("/relationship-ledger/sample-service");
        }
    }

    @Autowired
    MongoDatabase ledgerDatabase;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDownstreamProjectionCountsEachEventOnceParksAPoisonRecordAndKeepsFlowing() throws Exception {
        String before = newId();
        commands.sendAndWait(new SampleAccount.OpenSampleAccount(before, "Before Poison Ltd"));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", RealInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTACTS, before,
                    "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        }
        String after = newId();
        commands.sendAndWait(new SampleAccount.OpenSampleAccount(after, "After Poison Ltd"));
        commands.sendAndWait(new SampleAccount.ChangeValue(after, BigDecimal.TEN));

        var counts = ledgerDatabase.getCollection(SampleProjection.COLLECTION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(counts.find(Filters.eq("_id", before)).first()).isNotNull()
                    .extracting(d -> d.get("events")).isEqualTo(1);
            assertThat(counts.find(Filters.eq("_id", after)).first()).isNotNull()
                    .extracting(d -> d.get("events")).isEqualTo(2);
        });
        var parked = ledgerDatabase.getCollection(DeadLetters.COLLECTION)
                .find(Filters.and(Filters.eq("group", "sample-service.event-counts"), Filters.eq("key", before)))
                .into(new ArrayList<>());
        assertThat(parked).singleElement().satisfies(d -> {
            assertThat(d.getString("topic")).isEqualTo(Topics.CONTACTS);
            assertThat(d.getString("key")).isEqualTo(before);
            assertThat(d.getString("reason")).isNotBlank();
        });
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters())
                .as("consumer lag is metered per consumer").isNotEmpty();
        // The relay counts after the broker's acknowledgement, which can come after a consumer already saw the record.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.find("ledger.relay.published").tag("service", "sample-service").counter().count())
                .isGreaterThanOrEqualTo(3.0));
    }

    @Test
    void twoConcurrentCommandsOnOneAggregateFromTwoReplicasOneWinsAndOneGetsAConcurrencyException() throws Exception {
        String account = newId();
        commands.sendAndWait(new SampleAccount.OpenSampleAccount(account, "Contended Ltd"));
        try (ConfigurableApplicationContext replica = secondReplica()) {
            CommandGateway replicaCommands = replica.getBean(CommandGateway.class);
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            SampleAccount.beforeDecide = () -> {
                try {
                    bothLoaded.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other command never arrived", e);
                }
            };

            ExecutorService callers = Executors.newFixedThreadPool(2);
            List<Throwable> outcomes;
            try {
                Future<Throwable> first = callers.submit(() -> outcome(
                        () -> commands.sendAndWait(new SampleAccount.ChangeValue(account, BigDecimal.ONE))));
                Future<Throwable> second = callers.submit(() -> outcome(
                        () -> replicaCommands.sendAndWait(new SampleAccount.ChangeValue(account, BigDecimal.TEN))));
                outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            } finally {
                callers.shutdownNow();
            }

            assertThat(outcomes).filteredOn(t -> t == NO_FAILURE).hasSize(1);
            assertThat(outcomes).filteredOn(t -> t != NO_FAILURE).singleElement()
                    .isInstanceOf(ConcurrencyException.class);
        }
        List<Document> stream = storedEvents.stream(account);
        assertThat(stream).extracting(StoredEvents::sequence).containsExactly(0L, 1L);
        assertThat(chainVerifier.verify(account, OptionalLong.empty()).intact()).isTrue();
    }

    private static final Throwable NO_FAILURE = new Throwable("none");

    private static Throwable outcome(Runnable command) {
        try {
            command.run();
            return NO_FAILURE;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Another instance of the same service on the same database: its own JVM-local aggregate locks. */
    private static ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE)
                .run("--ledger.relay.enabled=false", "--ledger.kafka.create-topics=false",
                        "--management.endpoints.enabled-by-default=false");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
