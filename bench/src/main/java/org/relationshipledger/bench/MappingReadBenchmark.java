package org.relationshipledger.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.HashChain;
import org.relationshipledger.mapping.MappingApplication;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B8: the real mapping-service (its own Spring context, HTTP on a loopback port, the same servers) with one account
 * of 2,000 contacts, learnt from contact events on the contacts topic as in production, and 10,000 edges (2,200
 * reporting lines, 7,800 DEFERS_TO / INFLUENCES / OPPOSES relationships) plus 300 buying roles and 400 affinities,
 * written through its HTTP API in a seeded random order. Then org chart, influence map and backward mapping are asked
 * for back to back by one client, live, as of the end of the load (the same instant again and again) and as of a
 * new random instant of the load per request, each latency in an HdrHistogram.
 */
final class MappingReadBenchmark {

    static final int CONTACTS = 2_000;
    static final int SOLID_LINES = CONTACTS - 1;
    static final int DOTTED_LINES = 201;
    static final int RELATIONSHIPS = 10_000 - SOLID_LINES - DOTTED_LINES;
    static final int ROLES = 300;
    static final int AFFINITIES = 400;

    private static final String[] RELATIONSHIP_TYPES = {"DEFERS_TO", "INFLUENCES", "OPPOSES"};
    private static final String[] REASONS = {"AUTHORITY", "EXPERTISE", "TRUST", "SHARED_INTEREST", "PAST_CONFLICT"};
    private static final String[] ROLE_NAMES = {"ECONOMIC_BUYER", "INFLUENCER", "CHAMPION", "GATEKEEPER", "USER",
            "BLOCKER"};
    private static final String[] STANCES = {"ALLY", "NEUTRAL", "OPPONENT"};
    private static final String[] TEAM = {"tm-avery", "tm-blake", "tm-casey"};

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final Duration measure;
    private final String accountId = "b8-" + UUID.randomUUID();
    private final DevelopmentTokens tokens = DevelopmentTokens.forTests();
    private final String token = tokens.mint("bench", DevelopmentTokens.DEFAULT_TENANT, DevelopmentTokens.ALL_ROLES,
            Duration.ofHours(12));
    private ServiceClient http;

    MappingReadBenchmark(String mongoUri, String kafkaBootstrapServers, Duration measure) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=mapping-service", "--server.port=0",
                "--server.address=127.0.0.1", "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.data.mongodb.database=mapping-bench", "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation()));
        // e.g. -Dbench.mapping-args=--mapping.aggregate-cache.accounts=0 to measure without the aggregate cache
        String extra = System.getProperty("bench.mapping-args", "").trim();
        if (!extra.isEmpty()) {
            arguments.addAll(List.of(extra.split("\\s+")));
        }
        try (ConfigurableApplicationContext mapping = new SpringApplicationBuilder(MappingApplication.class)
                .registerShutdownHook(false).run(arguments.toArray(String[]::new))) {
            http = new ServiceClient("http://127.0.0.1:" + mapping.getEnvironment().getProperty("local.server.port"),
                    token);
            List<Figure> figures = new ArrayList<>();
            publishContacts(mapping.getBean(KnownContacts.class));
            Instant loadStarted = Instant.now();
            figures.add(load());
            Instant asOf = Instant.now();
            Random instants = new Random(88);
            long window = Duration.between(loadStarted, asOf).toMillis();
            Histogram floor = latencies(() -> "/actuator/health/liveness");
            String floorNote = String.format(Locale.ROOT, "HTTP floor (liveness) p99 %.1f ms", millis(floor, 99));
            String[][] views = {
                    {"B8a", "org chart", "/org-chart"},
                    {"B8b", "influence map", "/influence-map"},
                    {"B8c", "backward mapping", "/backward-mapping"}};
            for (String[] view : views) {
                String path = "/accounts/" + accountId + view[2];
                Histogram live = latencies(() -> path);
                Histogram past = latencies(() -> path + "?asOf=" + asOf);
                Histogram anyTime = latencies(() -> path + "?asOf="
                        + loadStarted.plusMillis((long) (instants.nextDouble() * window)));
                long bytes = get(path).length;
                figures.add(Figure.absolute(view[0], view[1] + ", live, p99 (2,000 contacts, 10,000 edges)",
                        millis(live, 99), "ms", "p99 ≤ 50 ms", millis(live, 99) <= 50,
                        String.format(Locale.ROOT, "p50 %.1f ms, max %.1f ms, n=%d, %,d bytes; %s", millis(live, 50),
                                live.getMaxValue() / 1000.0, live.getTotalCount(), bytes, floorNote)));
                figures.add(Figure.of(view[0] + "-asOf", view[1] + ", asOf end of load, p99", millis(past, 99),
                        "ms", millis(live, 99), "live p99", "ratio ≤ 5", false, 5,
                        String.format(Locale.ROOT, "p50 %.1f ms (live %.1f ms), max %.1f ms, n=%d", millis(past, 50),
                                millis(live, 50), past.getMaxValue() / 1000.0, past.getTotalCount())));
                figures.add(Figure.of(view[0] + "-asOf-any", view[1] + ", asOf a random instant of the load, p99",
                        millis(anyTime, 99), "ms", millis(live, 99), "live p99", "ratio ≤ 5", false, 5,
                        String.format(Locale.ROOT, "p50 %.1f ms, max %.1f ms, n=%d (a new instant per request)",
                                millis(anyTime, 50), anyTime.getMaxValue() / 1000.0, anyTime.getTotalCount())));
            }
            return figures;
        }
    }

    /** Plays contacts-service: one {@code contacts.ContactAdded} per contact, in its relay's envelope. */
    private void publishContacts(KnownContacts known) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < CONTACTS; i++) {
                ContactEvent.ContactAdded added = new ContactEvent.ContactAdded(accountId, contact(i),
                        i == 0 ? "Chief Executive Officer" : "Manager " + i, "Operations", null,
                        i == 0 ? ContactEvent.Seniority.C_LEVEL : ContactEvent.Seniority.MANAGER, Instant.now());
                LedgerEnvelope envelope = new LedgerEnvelope(UUID.randomUUID().toString(),
                        "/relationship-ledger/contacts-service", EventCatalog.wireName(added.getClass()),
                        EventCatalog.revision(added.getClass()), Instant.now(), accountId, contact(i), "Contact", 0,
                        "default", null, "hash-" + i, HashChain.GENESIS, LedgerJson.write(added));
                producer.send(EnvelopeCodec.toRecord(Topics.CONTACTS, accountId, envelope));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (known.cards(accountId).size() < CONTACTS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mapping learnt only " + known.cards(accountId).size() + " contacts");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private Figure load() throws Exception {
        List<String[]> commands = commands(new Random(8));
        Histogram latency = new Histogram(3);
        double firstThousand = 0;
        double lastThousand = 0;
        long start = System.nanoTime();
        for (int i = 0; i < commands.size(); i++) {
            long begin = System.nanoTime();
            send("PUT", commands.get(i)[0], commands.get(i)[1]);
            long micros = (System.nanoTime() - begin) / 1000;
            latency.recordValue(micros);
            if ((i + 1) % 1000 == 0) {
                System.out.printf(Locale.ROOT, "B8: %,d commands loaded, %.0f s%n", i + 1,
                        (System.nanoTime() - start) / 1e9);
            }
            if (i < 1000) {
                firstThousand += micros / 1000.0;
            } else if (i >= commands.size() - 1000) {
                lastThousand += micros / 1000.0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Figure.absolute("B8-load", String.format(Locale.ROOT,
                        "%,d map commands into one account map over HTTP, one client", commands.size()),
                commands.size() / seconds, "commands/s", "—", true, String.format(Locale.ROOT,
                        "%.0f s; mean %.1f ms/command for the first 1,000, %.1f ms for the last 1,000; p99 %.1f ms",
                        seconds, firstThousand / 1000, lastThousand / 1000, millis(latency, 99)));
    }

    /** (path, JSON body) pairs: every line points to a lower-numbered contact, so none can close a cycle. */
    private List<String[]> commands(Random random) {
        List<String[]> commands = new ArrayList<>();
        String lines = "/accounts/" + accountId + "/reporting-lines";
        for (int i = 1; i < CONTACTS; i++) {
            commands.add(new String[] {lines, line(i, (i - 1) / 5, "SOLID")});
        }
        Set<String> taken = new HashSet<>();
        while (taken.size() < DOTTED_LINES) {
            int from = 2 + random.nextInt(CONTACTS - 2);
            int to = random.nextInt(from - 1);
            if (to != (from - 1) / 5 && taken.add(from + ">" + to)) {
                commands.add(new String[] {lines, line(from, to, "DOTTED")});
            }
        }
        taken.clear();
        while (taken.size() < RELATIONSHIPS) {
            int from = random.nextInt(CONTACTS);
            int to = random.nextInt(CONTACTS);
            String type = RELATIONSHIP_TYPES[random.nextInt(RELATIONSHIP_TYPES.length)];
            if (from != to && taken.add(from + ">" + to + ":" + type)) {
                commands.add(new String[] {"/accounts/" + accountId + "/relationships", String.format(Locale.ROOT,
                        "{\"fromContactId\":\"%s\",\"toContactId\":\"%s\",\"type\":\"%s\",\"strength\":%d,"
                                + "\"reason\":\"%s\",\"reasonNote\":\"seen in steering committee\"}",
                        contact(from), contact(to), type, 1 + random.nextInt(5),
                        REASONS[random.nextInt(REASONS.length)])});
            }
        }
        commands.add(new String[] {"/accounts/" + accountId + "/roles/" + contact(0),
                "{\"role\":\"DECISION_MAKER\",\"stance\":\"NEUTRAL\"}"});
        taken.clear();
        while (taken.size() < ROLES - 1) {
            int who = 1 + random.nextInt(CONTACTS - 1);
            if (taken.add(Integer.toString(who))) {
                commands.add(new String[] {"/accounts/" + accountId + "/roles/" + contact(who), String.format(
                        "{\"role\":\"%s\",\"stance\":\"%s\"}", ROLE_NAMES[random.nextInt(ROLE_NAMES.length)],
                        STANCES[random.nextInt(STANCES.length)])});
            }
        }
        taken.clear();
        while (taken.size() < AFFINITIES) {
            int who = 1 + random.nextInt(CONTACTS - 1);
            String member = TEAM[random.nextInt(TEAM.length)];
            if (taken.add(who + member)) {
                commands.add(new String[] {"/accounts/" + accountId + "/affinities", String.format(Locale.ROOT,
                        "{\"contactId\":\"%s\",\"teamMemberId\":\"%s\",\"score\":%d,\"note\":\"met at the summit\"}",
                        contact(who), member, random.nextInt(6))});
            }
        }
        Collections.shuffle(commands, random);
        return commands;
    }

    private String line(int contact, int manager, String kind) {
        return String.format("{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"%s\"}", contact(contact),
                contact(manager), kind);
    }

    private static String contact(int index) {
        return String.format("contact-%04d", index);
    }

    /** Back-to-back GETs by one client: a short warm-up, then the measuring window. */
    private Histogram latencies(Supplier<String> paths) throws Exception {
        long warmUpEnd = System.nanoTime() + Math.min(measure.toNanos() / 3, TimeUnit.SECONDS.toNanos(5));
        while (System.nanoTime() < warmUpEnd) {
            get(paths.get());
        }
        Histogram histogram = new Histogram(3);
        long end = System.nanoTime() + measure.toNanos();
        while (System.nanoTime() < end) {
            String path = paths.get();
            long begin = System.nanoTime();
            get(path);
            histogram.recordValue((System.nanoTime() - begin) / 1000);
        }
        return histogram;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private byte[] send(String method, String path, String json) throws IOException, InterruptedException {
        return http.send(method, path, json);
    }
}
