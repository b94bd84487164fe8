package org.relationshipledger.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.EnvelopeAttributes;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.LedgerStoreFixture;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.testkit.Infrastructure;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

@WithRealInfrastructure
class OutboxRelayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Infrastructure infrastructure = RealInfrastructure.get();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private LedgerStoreFixture store;
    private KafkaTestConsumer kafka;

    @BeforeEach
    void setUp() {
        store = new LedgerStoreFixture(infrastructure);
        kafka = new KafkaTestConsumer(infrastructure.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        relays.forEach(OutboxRelay::stop);
        kafka.close();
    }

    @Test
    void publishesEveryCommittedEventExactlyOncePerEventIdInStreamOrder() throws Exception {
        start(relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE));
        List<String> accounts = IntStream.range(0, 20).mapToObj(i -> LedgerStoreFixture.newAccountId()).toList();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = accounts.stream()
                    .<Future<?>>map(account -> writers.submit(() -> store.appendStream(account, 5)))
                    .toList();
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }

        List<LedgerEnvelope> received = envelopesOf(accounts, 100);

        assertThat(received).extracting(LedgerEnvelope::eventId).doesNotHaveDuplicates().hasSize(100);
        Map<String, List<Long>> sequencesByStream = received.stream().collect(Collectors.groupingBy(
                LedgerEnvelope::streamId, Collectors.mapping(LedgerEnvelope::sequence, Collectors.toList())));
        assertThat(sequencesByStream).hasSize(20);
        sequencesByStream.values().forEach(sequences -> assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L));
    }

    @Test
    void envelopeCarriesIdentityChainAndThePublishedLanguage() {
        start(relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE));
        String account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 2);

        List<LedgerEnvelope> received = envelopesOf(List.of(account), 2);

        LedgerEnvelope opened = received.getFirst();
        LedgerEnvelope changed = received.get(1);
        assertThat(opened.type()).isEqualTo("contacts.AccountOpened");
        assertThat(opened.revision()).isEqualTo(1);
        assertThat(opened.accountId()).isEqualTo(account);
        assertThat(opened.tenantId()).isEqualTo("tenant-a");
        assertThat(opened.correlationId()).isEqualTo("corr-0");
        assertThat(opened.streamType()).isEqualTo("SampleAccount");
        assertThat(opened.previousHash()).isEqualTo("0".repeat(64));
        assertThat(changed.previousHash()).isEqualTo(opened.hash()).hasSize(64);
        assertThat(LedgerJson.read(opened)).isInstanceOf(AccountEvent.AccountOpened.class);
        assertThat(LedgerJson.read(changed)).isEqualTo(new AccountEvent.ContractValueChanged(account,
                new java.math.BigDecimal("1001"), "EUR",
                ((AccountEvent.ContractValueChanged) LedgerJson.read(changed)).validFrom()));
    }

    @Test
    void publishesAnEventCommittedLateWithARecordedTimeOlderThanEverythingPublished() {
        OutboxRelay relay = relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE);
        String early = LedgerStoreFixture.newAccountId();
        store.appendStream(early, 3);
        await().atMost(PATIENCE).until(() -> relay.relayOnce() == 0 && store.intents().pending(10).isEmpty());

        // A writer that stalled for a year commits now: its events carry timestamps long before the published ones.
        String late = LedgerStoreFixture.newAccountId();
        Instant aYearAgo = Instant.now().minus(365, ChronoUnit.DAYS);
        store.engine().appendEvents(List.of(store.event(late, 0, aYearAgo), store.event(late, 1, aYearAgo)));
        await().atMost(PATIENCE).until(() -> relay.relayOnce() == 0 && store.intents().pending(10).isEmpty());

        List<LedgerEnvelope> received = envelopesOf(List.of(early, late), 5);
        assertThat(received).filteredOn(e -> e.accountId().equals(late))
                .extracting(LedgerEnvelope::sequence).containsExactly(0L, 1L);
        assertThat(received).filteredOn(e -> e.accountId().equals(late))
                .allSatisfy(e -> assertThat(e.recordedAt()).isBefore(Instant.now().minus(300, ChronoUnit.DAYS)));
    }

    @Test
    void resendsEventsAcknowledgedButNotMarkedAfterACrashAndTheProjectionCountsThemOnce() {
        String account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 4);
        AtomicBoolean crash = new AtomicBoolean(true);
        OutboxRelay dying = relay("replica-1", Duration.ofSeconds(1), (stream, sequence) -> {
            if (crash.get()) {
                throw new IllegalStateException("process killed after the broker's ack, before the mark");
            }
        });
        assertThatThrownBy(dying::relayOnce).hasMessageContaining("process killed");
        List<LedgerEnvelope> firstDelivery = envelopesOf(List.of(account), 4);
        assertThat(store.intents().pending(10)).extracting(OutboxIntents.Intent::streamId).contains(account);

        // The restarted process is a new lease owner: it takes over once the dead one's lease expired.
        OutboxRelay restarted = relay("replica-1-restarted", Duration.ofSeconds(1), PublishListener.NONE);
        await().atMost(PATIENCE).until(() -> restarted.relayOnce() > 0);

        List<LedgerEnvelope> delivered = envelopesOf(List.of(account), 8);
        assertThat(delivered).extracting(LedgerEnvelope::sequence).containsExactly(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L);
        assertThat(firstDelivery).hasSize(4);

        MongoCollection<Document> counts = store.database().getCollection("visit_counts");
        for (LedgerEnvelope envelope : delivered) {
            ProjectionGuard.applyOnce(counts, account, envelope, Updates.inc("events", 1));
        }
        assertThat(counts.find(Filters.eq("_id", account)).first().getInteger("events")).isEqualTo(4);
    }

    @Test
    void aSecondReplicaTakesOverWhenTheLeaseHolderStopsRenewingAndKeepsStreamOrder() {
        OutboxRelay holder = relay("replica-1", Duration.ofSeconds(1), PublishListener.NONE);
        OutboxRelay standby = relay("replica-2", Duration.ofSeconds(1), PublishListener.NONE);
        String account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 2);
        assertThat(holder.relayOnce()).isEqualTo(2);
        store.append(account, 2);
        assertThat(standby.relayOnce()).as("standby must not publish while the lease is held").isZero();

        // The holder dies (stops renewing); the standby takes over after expiry and continues at sequence 2.
        await().atMost(PATIENCE).until(() -> standby.relayOnce() == 1);
        store.append(account, 3);
        assertThat(standby.relayOnce()).isEqualTo(1);

        assertThat(envelopesOf(List.of(account), 4)).extracting(LedgerEnvelope::sequence)
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aClaimWhoseAppendNeverLandedHoldsBackNothingElseAndIsFilledByTheNextAppend() {
        OutboxRelay relay = relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE);
        String stalled = LedgerStoreFixture.newAccountId();
        String healthy = LedgerStoreFixture.newAccountId();
        store.appendStream(stalled, 1);
        // A writer claimed sequence 1 and died before inserting it.
        store.intents().claim(Map.of(stalled, 1L));
        store.appendStream(healthy, 2);

        await().atMost(PATIENCE).until(() -> {
            relay.relayOnce();
            return store.intents().publishedUpTo(List.of(stalled, healthy)).equals(Map.of(stalled, 0L, healthy, 1L));
        });
        assertThat(store.intents().pending(10)).extracting(OutboxIntents.Intent::streamId).containsExactly(stalled);

        store.append(stalled, 1);
        await().atMost(PATIENCE).until(() -> {
            relay.relayOnce();
            return store.intents().pending(10).isEmpty();
        });
        assertThat(envelopesOf(List.of(stalled), 2)).extracting(LedgerEnvelope::sequence).containsExactly(0L, 1L);
    }

    @Test
    void aStreamClaimedButNotYetWrittenDoesNotFailTheRoundForOthers() {
        OutboxRelay relay = relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE);
        String inFlight = LedgerStoreFixture.newAccountId();
        String healthy = LedgerStoreFixture.newAccountId();
        // A writer has claimed the first event of a new stream and is still inserting it.
        store.intents().claim(Map.of(inFlight, 0L));
        store.appendStream(healthy, 2);

        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(store.intents().pending(10)).extracting(OutboxIntents.Intent::streamId).containsExactly(inFlight);

        store.append(inFlight, 0);
        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(envelopesOf(List.of(inFlight, healthy), 3)).hasSize(3);
    }

    @Test
    void reportsTheBacklogUntilTheBrokerAcknowledgedIt() {
        OutboxRelay relay = relay("backlog-replica", Duration.ofSeconds(10), PublishListener.NONE);
        String account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 3);
        store.intents().claim(Map.of(account, 3L)); // a fourth event is claimed but not yet written

        relay.relayOnce();
        double unpublished = store.registry().get("ledger.relay.unpublished").tag("service", "backlog-replica")
                .gauge().value();
        assertThat(unpublished).as("the round saw three stored and one claimed event pending").isEqualTo(4.0);

        store.append(account, 3);
        relay.relayOnce();
        relay.relayOnce();
        assertThat(store.registry().get("ledger.relay.unpublished").tag("service", "backlog-replica").gauge().value())
                .isZero();
        assertThat(store.registry().get("ledger.relay.published").tag("service", "backlog-replica").counter().count())
                .isEqualTo(4.0);
    }

    @Test
    void readsTheNextRoundWhileSendingAndContinuesEachStreamWhereTheRoundInFlightEnds() {
        OutboxRelay relay = relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE, 2,
                OutboxConfiguration.producers(kafkaProperties(), "pipelined"));
        String account = LedgerStoreFixture.newAccountId();
        String other = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 7);
        store.appendStream(other, 3);

        List<Integer> rounds = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            rounds.add(relay.relayOnce());
        }

        assertThat(rounds).containsExactly(4, 3, 2, 1);
        assertThat(store.intents().pending(10)).isEmpty();
        assertThat(envelopesOf(List.of(account), 7)).extracting(LedgerEnvelope::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(envelopesOf(List.of(other), 3)).extracting(LedgerEnvelope::sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aRoundWithAFailedSendAcknowledgesOnlyWhatPrecedesItAndTheNextRoundResumesThere() {
        String account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 4);
        // The broker refuses the record of sequence 1 once; the round read ahead already holds sequences 2 and 3.
        AtomicBoolean refuse = new AtomicBoolean(true);
        OutboxRelay relay = relay("replica-1", Duration.ofSeconds(10), PublishListener.NONE, 2,
                () -> new KafkaProducer<>(store.producerConfig(), new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                        if (record.key().equals(account) && sequenceOf(record) == 1 && refuse.getAndSet(false)) {
                            return CompletableFuture.failedFuture(new NotEnoughReplicasException("refused once"));
                        }
                        return super.send(record, callback);
                    }
                });

        assertThatThrownBy(relay::relayOnce).hasMessageContaining("refused once");
        assertThat(store.intents().publishedUpTo(List.of(account))).containsEntry(account, 0L);

        assertThat(relay.relayOnce()).as("resumes at the refused event, not after the read-ahead").isEqualTo(2);
        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(envelopesOf(List.of(account), 4)).extracting(LedgerEnvelope::sequence)
                .containsExactly(0L, 1L, 2L, 3L);
    }

    private static long sequenceOf(ProducerRecord<String, byte[]> record) {
        return Long.parseLong(new String(record.headers().lastHeader("ce_" + EnvelopeAttributes.SEQUENCE).value(),
                StandardCharsets.UTF_8));
    }

    private KafkaProperties kafkaProperties() {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(infrastructure.kafkaBootstrapServers()));
        return properties;
    }

    private OutboxRelay relay(String owner, Duration leaseTtl, PublishListener listener, int eventsPerStream,
                              Supplier<Producer<String, byte[]>> producers) {
        OutboxRelay relay = store.relay(owner, leaseTtl, listener, eventsPerStream, producers);
        relays.add(relay);
        return relay;
    }

    private OutboxRelay relay(String owner, Duration leaseTtl, PublishListener listener) {
        OutboxRelay relay = store.relay(owner, leaseTtl, listener);
        relays.add(relay);
        return relay;
    }

    private static void start(OutboxRelay relay) {
        relay.start();
    }

    /**
     * Waits until {@code expected} records of these accounts are on the topic, then checks that no more arrive
     * while the topic stays quiet, and returns them in topic order.
     */
    private List<LedgerEnvelope> envelopesOf(List<String> accounts, int expected) {
        Set<String> wanted = Set.copyOf(accounts);
        kafka.readUntil(all -> all.stream().filter(r -> wanted.contains(r.key())).count() >= expected, PATIENCE,
                Topics.CONTACTS);
        List<LedgerEnvelope> envelopes = kafka.readAll(Topics.CONTACTS, Duration.ofMillis(500)).stream()
                .filter(record -> wanted.contains(record.key()))
                .map(EnvelopeCodec::fromRecord)
                .toList();
        assertThat(envelopes).as("exactly the expected records arrived").hasSize(expected);
        return envelopes;
    }
}
