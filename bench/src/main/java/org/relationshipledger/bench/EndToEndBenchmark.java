package org.relationshipledger.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.HashChain;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * B4: end to end. The real engagement-service and analytics-service (each its own Spring context, HTTP on
 * loopback, the same servers, analytics following the topics live) and {@value #ACCOUNTS} accounts made known the
 * way contacts-service makes them known, as {@code contacts.AccountOpened} on Kafka. A quick closed-loop run of
 * {@code POST /accounts/{id}/interactions} finds the maximum rate; at half of it (open loop), each interaction is
 * timed from its {@code 201} until analytics' view of the account has folded it ({@code eventsFolded} of
 * {@code GET /accounts/{id}/health}; four watchers read, round after round, the view of each account with
 * interactions not yet folded; their round times, which bound the error, are reported). Baseline in the same run,
 * at the same rate: a raw driver {@code insertOne} of a stored engagement event's document (B2's append baseline) plus a raw idempotent
 * {@code KafkaProducer} (acks=all) to {@code KafkaConsumer} hop of a record the size of an engagement record.
 */
final class EndToEndBenchmark {

    static final String ENGAGEMENT = "org.relationshipledger.engagement.EngagementApplication";
    private static final int ACCOUNTS = 200;
    private static final int THREADS = 32;
    private static final int WATCHERS = 4;
    private static final long POLL_MILLIS = 20;
    private static final String RAW_TOPIC = "bench.b4.raw";
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final Duration measure;
    private final DevelopmentTokens tokens = DevelopmentTokens.forTests();
    private final List<String> accountIds = new ArrayList<>();
    private final Recorder visible = new Recorder(3);
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    /** Per account, the interactions posted and not yet seen in analytics, with the instant each was accepted. */
    private final Map<String, Map<String, Pending>> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> interactionsAccepted = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    /** How long the watchers' rounds took: how late a visible interaction can be noticed. */
    private final Histogram rounds = new ConcurrentHistogram(3);
    private volatile boolean posting = true;
    private ServiceClient engagement;
    private ServiceClient analytics;

    EndToEndBenchmark(String mongoUri, String kafkaBootstrapServers, Duration measure) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        Class<?> engagementClass;
        Class<?> analyticsClass;
        try {
            engagementClass = Class.forName(ENGAGEMENT);
            analyticsClass = Class.forName(ReplayBenchmark.ANALYTICS);
        } catch (ClassNotFoundException e) {
            return List.of(Figure.absolute("B4", "end to end (not run)", Double.NaN, "ms", "p99 ≤ 250 ms", false,
                    "engagement-service or analytics-service is not on the bench class path"));
        }
        String token = tokens.defaultToken();
        try (ConfigurableApplicationContext engagementService = start(engagementClass, "engagement-service");
             ConfigurableApplicationContext analyticsService = start(analyticsClass, "analytics-service")) {
            engagement = new ServiceClient(baseUri(engagementService), token);
            analytics = new ServiceClient(baseUri(analyticsService), token);
            publishAccounts();
            awaitKnown();
            Load.throughput(8, Duration.ofSeconds(5), this::post); // warm-up: JIT, pools
            double max = Load.throughput(8, Duration.ofSeconds(10), this::post);
            double rate = Math.max(1, max / 2);
            awaitCaughtUp();
            visible.getIntervalHistogram();
            List<Thread> watchers = new ArrayList<>();
            for (int w = 0; w < WATCHERS; w++) {
                int share = w;
                watchers.add(Thread.ofPlatform().name("b4-visibility-watcher-" + w).start(() -> watch(share)));
            }
            Histogram fromDue;
            try {
                fromDue = Load.latencyAtRate(THREADS, rate, measure, this::postAndWatch);
            } finally {
                posting = false;
                for (Thread watcher : watchers) {
                    watcher.join(GIVE_UP.toMillis() * 2);
                }
            }
            Histogram endToEnd = visible.getIntervalHistogram();

            Duration baselineWindow = measure.dividedBy(2).compareTo(Duration.ofSeconds(10)) < 0
                    ? Duration.ofSeconds(10) : measure.dividedBy(2);
            MongoCollection<Document> stored = engagementService.getBean(StoredEvents.class).collection();
            Document template = stored.find().first();
            template.remove("_id");
            Histogram append;
            try (MongoClient client = MongoClients.create(mongoUri)) {
                MongoCollection<Document> raw = client.getDatabase("bench_raw").getCollection("b4events");
                append = Load.latencyAtRate(8, rate, baselineWindow, i -> raw.insertOne(copyOf(template)));
            }
            int recordSize = engagementRecordSize();
            Histogram kafka = kafkaHop(rate, baselineWindow, recordSize);

            double p99 = millis(endToEnd, 99);
            double baseline = millis(append, 99) + millis(kafka, 99);
            double ratio = p99 / baseline;
            long onTopic = lost.isEmpty() ? 0 : onEngagementTopic(lost);
            return List.of(new Figure("B4", String.format(Locale.ROOT,
                    "HTTP 201 → folded into analytics' account view, p99 at 50 %% of max (%.0f/s)", rate), p99, "ms",
                    baseline, "raw insertOne p99 + raw Kafka produce→consume p99, same rate", ratio,
                    "p99 ≤ 250 ms and ratio ≤ 5", p99 <= 250 && ratio <= 5 && lost.isEmpty(),
                    String.format(Locale.ROOT, "%d of %d interactions never visible within %d s (%d of those are on"
                            + " the engagement topic), left out of the histogram; p50 %.1f ms, p99.9 %.1f ms, max %.1f ms, n=%d; max rate %.0f/s (8 clients, POST only);"
                            + " from the request's due time to visible p99 %.1f ms; baseline: insertOne p99 %.2f ms,"
                            + " Kafka p99 %.2f ms (record %d bytes); %d watchers polled the health view (eventsFolded) of"
                            + " each account with interactions not yet folded, %d reads, a watcher's round p50 %.1f ms,"
                            + " p99 %.1f ms",
                    lost.size(), fromDue.getTotalCount(), GIVE_UP.toSeconds(), onTopic,
                    millis(endToEnd, 50), millis(endToEnd, 99.9), endToEnd.getMaxValue() / 1000.0,
                    endToEnd.getTotalCount(), max, millis(fromDue, 99), millis(append, 99), millis(kafka, 99),
                    recordSize, WATCHERS, polls.get(), millis(rounds, 50), millis(rounds, 99))));
        }
    }

    private ConfigurableApplicationContext start(Class<?> application, String name) {
        return new SpringApplicationBuilder(application).registerShutdownHook(false)
                .run("--spring.config.name=" + name, "--server.port=0", "--server.address=127.0.0.1",
                        "--spring.data.mongodb.uri=" + mongoUri,
                        "--spring.data.mongodb.database=" + name.replace("-service", "") + "-b4",
                        "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + tokens.publicKeyLocation(),
                        "--spring.jmx.enabled=false", "--logging.level.root=WARN");
    }

    private static String baseUri(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }

    /** Plays contacts-service's relay: one {@code contacts.AccountOpened} per account, in its envelope. */
    private void publishAccounts() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ACCOUNTS; i++) {
                String accountId = String.format(Locale.ROOT, "b4-%04d", i);
                accountIds.add(accountId);
                Instant opened = Instant.now().minus(Duration.ofDays(30));
                AccountEvent.AccountOpened event = new AccountEvent.AccountOpened(accountId, "Account " + i,
                        "Logistics", AccountEvent.Segment.ENTERPRISE, "EMEA", opened);
                LedgerEnvelope envelope = new LedgerEnvelope(UUID.randomUUID().toString(),
                        "/relationship-ledger/contacts-service", EventCatalog.wireName(event.getClass()),
                        EventCatalog.revision(event.getClass()), opened, accountId, "Account-" + accountId, "Account",
                        0, "default", null, "hash-" + accountId, HashChain.GENESIS, LedgerJson.write(event));
                producer.send(EnvelopeCodec.toRecord(Topics.CONTACTS, accountId, envelope));
            }
            producer.flush();
        }
    }

    /** Both services have learnt every account: engagement takes an interaction, analytics shows a timeline. */
    private void awaitKnown() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (String accountId : accountIds) {
            while (true) {
                boolean posted = engagement.exchange("POST", "/accounts/" + accountId + "/interactions", body())
                        .statusCode() == 201;
                if (posted) {
                    accepted(accountId);
                }
                if (posted && analytics.exchange("GET", "/accounts/" + accountId + "/timeline", null)
                        .statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("account " + accountId + " did not become known to both");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private String post(long index) throws Exception {
        String accountId = accountIds.get(ThreadLocalRandom.current().nextInt(accountIds.size()));
        byte[] created = engagement.send("POST", "/accounts/" + accountId + "/interactions", body());
        int count = accepted(accountId);
        return accountId + " " + LedgerJson.mapper().readTree(created).path("interactionId").asText() + " " + count;
    }

    /** Counts an interaction engagement accepted for the account; returns how many it has accepted so far. */
    private int accepted(String accountId) {
        return interactionsAccepted.computeIfAbsent(accountId, account -> new AtomicInteger()).incrementAndGet();
    }

    /** Posts an interaction and leaves it to {@link #watch} to time when analytics shows it. */
    private void postAndWatch(long index) throws Exception {
        String[] posted = post(index).split(" ");
        long accepted = System.nanoTime();
        // The account's view has folded it once it counts the account's opening and this many interactions.
        waiting.computeIfAbsent(posted[0], account -> new ConcurrentHashMap<>())
                .put(posted[1], new Pending(accepted, 1 + Integer.parseInt(posted[2])));
    }

    /** An accepted interaction not yet seen: when it was accepted, and the event count that shows it. */
    private record Pending(long acceptedNanos, int eventsFolded) {
    }

    /**
     * A few watchers share the accounts: round after round, each reads the health view of each of its accounts
     * that has interactions not yet seen, whose {@code eventsFolded} settles all of that account's at once.
     * Polling per interaction instead (a reader per request, every few milliseconds) took thousands of reads a
     * second from the two cores the services run on. The timeline, read instead of the view, cost a read of the
     * account's whole log per poll: when the pipeline lagged a little, more accounts were pending, rounds grew
     * long and the probe's own load kept them long (p50 4 s, rounds of a second, with an idle relay and analytics).
     * Counting is exact unless two interactions of one account are accepted in one order and folded in the
     * other; then the first is taken as visible when the second is, at most the gap between them early.
     */
    private void watch(int share) {
        while (true) {
            long start = System.nanoTime();
            boolean any = false;
            for (Map.Entry<String, Map<String, Pending>> account : waiting.entrySet()) {
                Map<String, Pending> interactions = account.getValue();
                if (interactions.isEmpty() || Math.floorMod(account.getKey().hashCode(), WATCHERS) != share) {
                    continue;
                }
                any = true;
                int folded;
                try {
                    folded = LedgerJson.mapper().readTree(analytics.send("GET",
                            "/accounts/" + account.getKey() + "/health", null)).path("eventsFolded").asInt();
                } catch (Exception e) {
                    throw new IllegalStateException("analytics' health view could not be read", e);
                }
                polls.incrementAndGet();
                long seen = System.nanoTime();
                interactions.entrySet().removeIf(interaction -> {
                    if (interaction.getValue().eventsFolded() <= folded) {
                        visible.recordValue((seen - interaction.getValue().acceptedNanos()) / 1000);
                        return true;
                    }
                    if (seen - interaction.getValue().acceptedNanos() > GIVE_UP.toNanos()) {
                        lost.add(interaction.getKey());
                        return true;
                    }
                    return false;
                });
            }
            if (any) {
                rounds.recordValue((System.nanoTime() - start) / 1000);
            } else if (!posting) {
                return;
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private boolean awaitVisible(String accountId, String interactionId, long deadline) throws Exception {
        String timeline = "/accounts/" + accountId + "/timeline";
        while (!new String(analytics.send("GET", timeline, null), StandardCharsets.UTF_8).contains(interactionId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
        return true;
    }

    /** The closed-loop runs leave a backlog; the measured run starts once analytics shows a new interaction. */
    private void awaitCaughtUp() throws Exception {
        String[] posted = post(-1).split(" ");
        if (!awaitVisible(posted[0], posted[1], System.nanoTime() + TimeUnit.MINUTES.toNanos(3))) {
            throw new IllegalStateException("analytics did not catch up with the warm-up within 3 minutes");
        }
    }

    /** How many of {@code interactionIds} engagement-service's relay did publish: where a lost one was lost. */
    private long onEngagementTopic(Set<String> interactionIds) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENGAGEMENT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    interactionIds.stream().filter(value::contains).forEach(found::add);
                }
            }
        }
        return found.size();
    }

    private static String body() {
        return """
                {"channel":"CALL","direction":"OUTBOUND","occurredAt":"%s","contactIds":[],\
                "teamMemberIds":["tm-avery"],"sentiment":1,"summary":"Quarterly check-in on the renewal",\
                "recordedBy":"tm-avery"}""".formatted(Instant.now().minusSeconds(60));
    }

    /** The value size of a record engagement-service's relay published: the raw hop carries as many bytes. */
    private int engagementRecordSize() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENGAGEMENT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value().length;
                }
            }
            throw new IllegalStateException("no record on " + Topics.ENGAGEMENT);
        }
    }

    /**
     * Raw produce → consume at {@code rate}, open loop: each record carries the instant it was due, and its latency
     * runs from then to the consumer's poll returning it, so a stalled send is charged to every record it delayed.
     */
    private Histogram kafkaHop(double rate, Duration window, int size) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, Optional.of(1), Optional.empty()))).all()
                    .get(1, TimeUnit.MINUTES);
        }
        long total = (long) (rate * window.toSeconds());
        Recorder recorder = new Recorder(3);
        AtomicLong received = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(RAW_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread reader = Thread.ofPlatform().start(() -> {
                long deadline = System.nanoTime() + window.toNanos() + TimeUnit.SECONDS.toNanos(60);
                while (received.get() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long due = ByteBuffer.wrap(record.value()).getLong();
                        recorder.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
                        received.incrementAndGet();
                    }
                }
            });
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0);
            try (KafkaProducer<String, byte[]> producer =
                         new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
                double intervalNanos = 1e9 / rate;
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
                for (long i = 0; i < total; i++) {
                    long due = start + (long) (i * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] value = new byte[Math.max(Long.BYTES, size)];
                    ByteBuffer.wrap(value).putLong(due);
                    producer.send(new ProducerRecord<>(RAW_TOPIC, "k" + (i % ACCOUNTS), value));
                }
                producer.flush();
            }
            reader.join();
        }
        if (received.get() < total) {
            throw new IllegalStateException("raw consumer saw " + received.get() + " of " + total + " records");
        }
        return recorder.getIntervalHistogram();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Document copyOf(Document template) {
        Document copy = new Document(template);
        copy.put("eventIdentifier", UUID.randomUUID().toString());
        copy.put("aggregateIdentifier", UUID.randomUUID().toString());
        return copy;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
