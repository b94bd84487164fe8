package org.relationshipledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.HashChain;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * B5: rebuild of analytics-service's projection from offset 0. Plays the three producers' relays onto the ledger
 * topics ({@code -Dbench.replay.events}, default 1,000,000, about 100 per account, every event family, each
 * stream hash-chained), then times
 * <ul>
 *     <li>the baseline: a raw {@link KafkaConsumer} reading every record of the same topics and deserialising it
 *     exactly as analytics does (CloudEvents envelope, JSON payload), best of two passes;</li>
 *     <li>{@code POST /replays} on the real analytics-service (its own Spring context, HTTP on loopback, the same
 *     servers), from the request to {@code COMPLETED}: every event stored, folded and swapped in;</li>
 *     <li>{@code GET /accounts/{id}/health} of random accounts afterwards, one client, in an HdrHistogram.</li>
 * </ul>
 * The service runs with {@code analytics.ledger.consume-live=false} so that the replay alone builds its
 * projection. It is started by class name: bench needs analytics-service on its run-time class path only.
 */
final class ReplayBenchmark {

    static final String ANALYTICS = "org.relationshipledger.analytics.AnalyticsApplication";
    private static final long EVENTS = Long.getLong("bench.replay.events", 1_000_000);
    private static final int EVENTS_PER_ACCOUNT = 100;
    private static final int RAW_INSERTS = 200_000;
    private static final Instant START = Instant.parse("2024-11-01T08:00:00Z");
    private static final Duration SPAN = Duration.ofDays(720);
    private static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT);
    private static final String[] TEAM = {"tm-avery", "tm-blake", "tm-casey", "tm-devon", "tm-emery"};

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final Duration measure;
    private final ObjectMapper json = LedgerJson.mapper();
    private final DevelopmentTokens tokens = DevelopmentTokens.forTests();
    /** Minted once: signing one per request would be measured as the service's latency. */
    private final String token = tokens.defaultToken();
    private final List<String> accountIds = new ArrayList<>();
    private ServiceClient http;

    ReplayBenchmark(String mongoUri, String kafkaBootstrapServers, Duration measure) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        Class<?> analytics;
        try {
            analytics = Class.forName(ANALYTICS);
        } catch (ClassNotFoundException e) {
            return List.of(Figure.absolute("B5", "replay (not run)", Double.NaN, "events/s", "ratio ≥ 0.3", false,
                    "analytics-service is not on the bench class path"));
        }
        long published = publish();
        double[] first = rawConsumer();
        double[] second = rawConsumer();
        double baseline = Math.max(first[0], second[0]);
        double baselinePerCpu = Math.max(first[1], second[1]);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(analytics)
                .registerShutdownHook(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.data.mongodb.uri=" + mongoUri,
                        "--spring.data.mongodb.database=analytics-bench",
                        "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + tokens.publicKeyLocation(),
                        "--analytics.ledger.consume-live=false", "--spring.jmx.enabled=false",
                        "--logging.level.root=WARN")) {
            http = new ServiceClient("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"),
                    token);
            long cpuBefore = processCpuNanos();
            JsonNode done = replay();
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            long read = done.path("recordsRead").asLong();
            double seconds = Duration.between(Instant.parse(done.path("startedAt").asText()),
                    Instant.parse(done.path("finishedAt").asText())).toMillis() / 1000.0;
            double rate = read / seconds;
            double ratio = rate / baseline;
            boolean met = "COMPLETED".equals(done.path("state").asText()) && rate >= 20_000 && ratio >= 0.3;
            double rawInserts = rawLogInserts(service);
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure("B5", String.format(Locale.ROOT,
                    "analytics replay from offset 0, %,d events of %,d accounts", read, accountIds.size()), rate,
                    "events/s", baseline, "raw consumer + deserialise, best of 2", ratio,
                    "≥ 20,000 events/s and ratio ≥ 0.3", met, String.format(Locale.ROOT,
                    "%s in %.1f s (request to swap); per CPU-second of the whole process %,.0f vs %,.0f events"
                            + " (ratio %.2f), which a machine shared with other work does not skew; %,d published;"
                            + " heap %s; the write side's ceiling: the same server takes the rebuilt log's own"
                            + " documents, re-inserted raw (insertMany of 2,000, same indexes, one thread), at"
                            + " %,.0f/s", done.path("state").asText(), seconds, read / cpuSeconds, baselinePerCpu,
                    read / cpuSeconds / baselinePerCpu, published, heap(), rawInserts)));
            Histogram floor = latencies(random -> "/actuator/health/liveness");
            Histogram health = latencies(this::health);
            double p99 = health.getValueAtPercentile(99) / 1000.0;
            figures.add(Figure.absolute("B5-health", String.format(Locale.ROOT,
                            "GET /accounts/{id}/health after the replay, p99 (random accounts of %,d)",
                            accountIds.size()), p99, "ms", "p99 ≤ 20 ms", p99 <= 20, String.format(Locale.ROOT,
                            "p50 %.1f ms, max %.1f ms, n=%d; HTTP floor (liveness) p99 %.1f ms",
                            health.getValueAtPercentile(50) / 1000.0, health.getMaxValue() / 1000.0,
                            health.getTotalCount(), floor.getValueAtPercentile(99) / 1000.0)));
            return figures;
        }
    }

    /**
     * What the server alone makes of the replay's writes: up to {@value #RAW_INSERTS} documents of the log the
     * replay just wrote, inserted again by the raw driver into a scratch collection with the log's indexes, in the
     * replay's batch size. No parsing, folding or views: a ceiling for any replay into this server.
     */
    private double rawLogInserts(ConfigurableApplicationContext service) {
        MongoDatabase database = service.getBean(MongoClient.class).getDatabase("analytics-bench");
        String log = database.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(name -> name.startsWith("account_events_g")).max(String::compareTo).orElseThrow();
        List<Document> documents = database.getCollection(log).find().limit(RAW_INSERTS).batchSize(2000)
                .into(new ArrayList<>());
        MongoCollection<Document> scratch = database.getCollection("bench_raw_log");
        scratch.drop();
        for (Document index : database.getCollection(log).listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                scratch.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name")));
            }
        }
        long begin = System.nanoTime();
        for (int from = 0; from < documents.size(); from += 2000) {
            scratch.insertMany(documents.subList(from, Math.min(documents.size(), from + 2000)),
                    new InsertManyOptions().ordered(false));
        }
        double rate = documents.size() / ((System.nanoTime() - begin) / 1e9);
        scratch.drop();
        return rate;
    }

    private static String heap() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%.0f of %.0f MB used after", (runtime.totalMemory() - runtime.freeMemory())
                / 1048576.0, runtime.maxMemory() / 1048576.0);
    }

    /** Plays contacts-, mapping- and engagement-service's relays: week by week, every account a step further. */
    private long publish() {
        int accounts = (int) Math.max(1, EVENTS / EVENTS_PER_ACCOUNT);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        List<Account> all = new ArrayList<>(accounts);
        Random random = new Random(5);
        for (int i = 0; i < accounts; i++) {
            Account account = new Account(String.format(Locale.ROOT, "b5-%06d", i), random.nextLong());
            all.add(account);
            accountIds.add(account.id);
        }
        createTopics();
        long sent = 0;
        long begin = System.nanoTime();
        Duration step = SPAN.dividedBy(EVENTS_PER_ACCOUNT);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < EVENTS_PER_ACCOUNT && sent < EVENTS; round++) {
                Instant week = START.plus(step.multipliedBy(round));
                for (int i = 0; i < all.size() && sent < EVENTS; i++) {
                    Account account = all.get(i);
                    Instant recordedAt = week.plusSeconds(i % 86_400);
                    IntegrationEvent event = account.next(round, recordedAt);
                    LedgerEnvelope envelope = account.envelope(event, recordedAt);
                    producer.send(EnvelopeCodec.toRecord(topicOf(event), account.id, envelope),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    sent++;
                }
                if ((round + 1) % 10 == 0) {
                    System.out.printf(Locale.ROOT, "B5: %,d events published, %.0f s%n", sent,
                            (System.nanoTime() - begin) / 1e9);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the replay's events failed", failure.get());
        }
        return sent;
    }

    /** As the producing services' first relay rounds would, before the first record rather than racing it. */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(1, TimeUnit.MINUTES);
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            admin.createTopics(missing).all().get(1, TimeUnit.MINUTES);
            // A produce racing a new partition's leader election can wedge the idempotent producer's sequence.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!admin.describeTopics(TOPICS).allTopicNames().get(1, TimeUnit.MINUTES).values().stream()
                    .flatMap(topic -> topic.partitions().stream()).allMatch(partition -> partition.leader() != null)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the ledger topics have partitions without a leader");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the ledger topics", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String topicOf(IntegrationEvent event) {
        return EventCatalog.topicOf((Class<? extends IntegrationEvent>) event.getClass());
    }

    /**
     * A plain consumer that reads and understands every record and does nothing else: its events per second, and
     * per CPU-second of the whole process (the in-process broker's share included, as in the replay's figure).
     */
    private double[] rawConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long read = 0;
        long checksum = 0;
        long begin = System.nanoTime();
        long cpuBegin = processCpuNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
                    checksum += LedgerJson.read(envelope).validFrom().getEpochSecond() + envelope.sequence();
                    read++;
                }
            }
        }
        double rate = read / ((System.nanoTime() - begin) / 1e9);
        double perCpu = read / ((processCpuNanos() - cpuBegin) / 1e9);
        System.out.printf(Locale.ROOT, "B5: raw consumer read %,d records at %,.0f/s, %,.0f per CPU-second "
                + "(checksum %d)%n", read, rate, perCpu, checksum);
        return new double[] {rate, perCpu};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private JsonNode replay() throws IOException, InterruptedException {
        JsonNode started = json.readTree(send("POST", "/replays", "{\"projection\":\"account-ledger\"}"));
        String id = started.path("id").asText();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            JsonNode status = json.readTree(send("GET", "/replays/" + id, null));
            if (!"RUNNING".equals(status.path("state").asText())) {
                if (!"COMPLETED".equals(status.path("state").asText())) {
                    throw new IllegalStateException("replay " + id + " ended " + status);
                }
                return status;
            }
        }
        throw new IllegalStateException("replay " + id + " still running after 30 minutes");
    }

    /** Back-to-back GETs by one client: a short warm-up, then the measuring window. */
    private Histogram latencies(Function<Random, String> paths) throws IOException, InterruptedException {
        Random random = new Random(55);
        long warmUpEnd = System.nanoTime() + Math.min(measure.toNanos() / 3, TimeUnit.SECONDS.toNanos(5));
        while (System.nanoTime() < warmUpEnd) {
            send("GET", paths.apply(random), null);
        }
        Histogram histogram = new Histogram(3);
        long end = System.nanoTime() + measure.toNanos();
        while (System.nanoTime() < end) {
            String path = paths.apply(random);
            long begin = System.nanoTime();
            send("GET", path, null);
            histogram.recordValue((System.nanoTime() - begin) / 1000);
        }
        return histogram;
    }

    private String health(Random random) {
        return "/accounts/" + accountIds.get(random.nextInt(accountIds.size())) + "/health";
    }

    private byte[] send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(method, path, body);
    }

    /**
     * One client account as the three producers see it over two years: opened, valued and owned first, then a
     * few contacts, then a seeded mix of everything the published language has, interactions most often.
     */
    private static final class Account {

        final String id;
        private final Random random;
        private final Map<String, Long> sequences = new HashMap<>();
        private final Map<String, String> lastHashes = new HashMap<>();
        private int contacts;
        private int interactions;
        private int tickets;
        private int openTicket = -1;
        private int surveys;
        private String owner = TEAM[0];

        Account(String id, long seed) {
            this.id = id;
            this.random = new Random(seed);
        }

        IntegrationEvent next(int round, Instant at) {
            return switch (round) {
                case 0 -> new AccountEvent.AccountOpened(id, "Client " + id, "Manufacturing",
                        AccountEvent.Segment.values()[random.nextInt(4)], "EMEA", at);
                case 1 -> new AccountEvent.ContractValueChanged(id, BigDecimal.valueOf(20_000 + random.nextInt(400)
                        * 1_000L), "EUR", at);
                case 2 -> new EngagementEvent.AccountOwnerAssigned(id, owner, at);
                case 3, 4, 5, 6 -> addContact(at);
                default -> mixed(at);
            };
        }

        private IntegrationEvent addContact(Instant at) {
            int index = contacts++;
            return new ContactEvent.ContactAdded(id, contact(index), index == 0 ? "Chief Financial Officer"
                    : "Head of Operations " + index, "Operations", "Finance",
                    index == 0 ? ContactEvent.Seniority.C_LEVEL : ContactEvent.Seniority.DIRECTOR, at);
        }

        private IntegrationEvent mixed(Instant at) {
            int dice = random.nextInt(100);
            String someone = contact(random.nextInt(contacts));
            if (dice < 45) {
                return new EngagementEvent.InteractionLogged(id, "i-" + interactions++,
                        EngagementEvent.Channel.values()[random.nextInt(7)],
                        EngagementEvent.Direction.values()[random.nextInt(2)], List.of(someone),
                        List.of(owner), random.nextInt(5) - 2, random.nextInt(4) == 0
                        ? LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).plusDays(7) : null, at);
            }
            if (dice < 53) {
                return new MappingEvent.AffinityRated(id, someone, TEAM[random.nextInt(TEAM.length)],
                        random.nextInt(6), "met at the quarterly review", at);
            }
            if (dice < 58) {
                return new MappingEvent.BuyingRoleAssigned(id, someone,
                        MappingEvent.BuyingRole.values()[random.nextInt(7)],
                        MappingEvent.Stance.values()[random.nextInt(3)], at);
            }
            if (dice < 63 && contacts > 1) {
                return new MappingEvent.RelationshipChanged(id, contact(0), contact(1 + random.nextInt(contacts - 1)),
                        MappingEvent.RelationshipType.values()[random.nextInt(3)], 1 + random.nextInt(5),
                        MappingEvent.RelationshipReason.values()[random.nextInt(5)], "seen in steering committee", at);
            }
            if (dice < 66 && contacts > 1) {
                return new MappingEvent.ReportingLineSet(id, contact(1 + random.nextInt(contacts - 1)), contact(0),
                        MappingEvent.ReportingLineKind.SOLID, at);
            }
            if (dice < 74) {
                return ticket(at);
            }
            if (dice < 80) {
                boolean nps = random.nextBoolean();
                return new EngagementEvent.SurveyAnswered(id, "s-" + surveys++, someone,
                        nps ? EngagementEvent.SurveyKind.NPS : EngagementEvent.SurveyKind.CSAT,
                        nps ? random.nextInt(11) : 1 + random.nextInt(5), at);
            }
            if (dice < 84 && contacts < 12) {
                return addContact(at);
            }
            if (dice < 87) {
                return new ContactEvent.ContactDetailsChanged(id, someone, "Director of Procurement", "Procurement",
                        "Finance", ContactEvent.Seniority.DIRECTOR, at);
            }
            if (dice < 89) {
                return new MappingEvent.InterestRecorded(id, "interest-" + dice + "-" + interactions, someone,
                        MappingEvent.InterestKind.values()[random.nextInt(3)],
                        MappingEvent.InterestHorizon.values()[random.nextInt(3)], at);
            }
            if (dice < 90) {
                return new MappingEvent.CoalitionFormed(id, "coalition-" + interactions, "Steering group",
                        MappingEvent.CoalitionAlignment.ALIGNED, List.of(contact(0), someone), at);
            }
            if (dice < 92) {
                String next = TEAM[(List.of(TEAM).indexOf(owner) + 1) % TEAM.length];
                IntegrationEvent handover = new EngagementEvent.HandoverDone(id, owner, next,
                        "handing over after the reorganisation", List.of("renewal call"), at);
                owner = next;
                return handover;
            }
            if (dice < 93 && interactions > 0) {
                return new EngagementEvent.InteractionRetracted(id, "i-" + (interactions - 1), at);
            }
            if (dice < 94) {
                return new AccountEvent.AccountRenewed(id, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)
                        .plusYears(1), BigDecimal.valueOf(20_000 + random.nextInt(400) * 1_000L), "EUR", at);
            }
            return new EngagementEvent.InteractionLogged(id, "i-" + interactions++, EngagementEvent.Channel.EMAIL,
                    EngagementEvent.Direction.OUTBOUND, List.of(someone), List.of(owner), 1, null, at);
        }

        private IntegrationEvent ticket(Instant at) {
            if (openTicket < 0) {
                openTicket = tickets++;
                return new EngagementEvent.TicketOpened(id, "t-" + openTicket,
                        EngagementEvent.Severity.values()[random.nextInt(4)], contact(0), at.plus(Duration.ofDays(2)),
                        at);
            }
            String ticket = "t-" + openTicket;
            if (random.nextInt(4) == 0) {
                return new EngagementEvent.TicketSlaBreached(id, ticket, at.minus(Duration.ofDays(1)), at);
            }
            openTicket = -1;
            return new EngagementEvent.TicketResolved(id, ticket, at);
        }

        private String contact(int index) {
            return id + "-c" + index;
        }

        /** The next envelope of the event's stream, chained to its predecessor as the producers' relays chain it. */
        LedgerEnvelope envelope(IntegrationEvent event, Instant recordedAt) {
            String streamType = switch (event) {
                case AccountEvent ignored -> "Account";
                case ContactEvent contact -> "Contact";
                case MappingEvent ignored -> "AccountMap";
                case EngagementEvent ignored -> "Engagement";
            };
            String streamId = event instanceof ContactEvent.ContactAdded added ? "Contact-" + added.contactId()
                    : event instanceof ContactEvent.ContactDetailsChanged changed ? "Contact-" + changed.contactId()
                    : streamType + "-" + id;
            long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
            String previous = lastHashes.getOrDefault(streamId, HashChain.GENESIS);
            String eventId = UUID.randomUUID().toString();
            String hash = sha256(previous + eventId);
            lastHashes.put(streamId, hash);
            return new LedgerEnvelope(eventId, "/relationship-ledger/" + switch (streamType) {
                case "Account", "Contact" -> "contacts-service";
                case "AccountMap" -> "mapping-service";
                default -> "engagement-service";
            }, EventCatalog.wireName(event.getClass()), EventCatalog.revision(event.getClass()), recordedAt, id,
                    streamId, streamType, sequence, "default", UUID.randomUUID().toString(), hash, previous,
                    LedgerJson.write(event));
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
