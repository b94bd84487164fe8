package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.relationshipledger.launcher.reliability.HostileRequests.Attack;
import org.relationshipledger.launcher.reliability.HostileRequests.Fixture;
import org.relationshipledger.launcher.reliability.HostileRequests.Request;
import org.relationshipledger.testkit.DevelopmentTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * DESIGN.md invariant 9 at scale: thousands of generated malformed and hostile requests against every endpoint
 * the four services' OpenAPI documents name, on a real in-process Kafka broker and MongoDB-wire server. No 5xx,
 * every refusal is problem+json, a refused request appends nothing to the event store, and every service is
 * still healthy afterwards. {@code -Dledger.fuzz.seed=} replays a run; {@code -Dledger.fuzz.requests=} sizes it.
 */
class ApiFuzzIT {

    static final long DEFAULT_SEED = 20261123L;
    static final int DEFAULT_REQUESTS = 4_000;
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** Endpoints whose accepted request would take the fixture away from the rest: fuzzed last. */
    private static final List<String> DESTRUCTIVE = List.of("erasure", "churn", "merge", "departure", "handover");

    private final LedgerHttp http = new LedgerHttp();

    @Test
    void everyEndpointRefusesMalformedAndHostileInputWithProblemJsonAndWritesNothing() throws Exception {
        long seed = Long.getLong("ledger.fuzz.seed", DEFAULT_SEED);
        int budget = Integer.getInteger("ledger.fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("api-fuzz: seed " + seed + " (replay with -Dledger.fuzz.seed=" + seed + ")");
        Instant begin = Instant.now();
        try (InProcessLedger ledger = InProcessLedger.start(Map.of(
                "logging.level.org.springframework.web", "ERROR",
                "logging.level.org.apache.coyote", "ERROR",
                "logging.level.org.apache.tomcat", "ERROR",
                // The SLA sweep is the one writer that no request starts (fuzzed tickets may be overdue at once);
                // its appends would look like writes of whichever refused request was in flight.
                "engagement.sla.sweep-interval-ms", "86400000"));
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            Duration startup = Duration.between(begin, Instant.now());
            Fixture fixture = fixture(ledger);
            List<ApiOperation> operations = new ArrayList<>();
            for (Service service : Service.values()) {
                JsonNode document = http.ok("api-docs of " + service.serviceName(),
                        http.get(ledger.baseOf(service).resolve("/v3/api-docs")));
                operations.addAll(ApiOperation.discover(service, document));
            }
            operations.sort(Comparator.comparing((ApiOperation operation) ->
                    DESTRUCTIVE.stream().anyMatch(operation.path()::contains)));
            assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(20);

            int perRound = operations.stream().mapToInt(operation -> HostileRequests.attacksOn(operation).size()).sum();
            int rounds = Math.max(1, (budget + perRound - 1) / perRound);
            Tally tally = new Tally();
            Instant fuzzBegin = Instant.now();
            // One thread per service: a service's event store is written only by its own thread's requests, so the
            // count before and after each request still tells whether that request wrote.
            try (ExecutorService workers = Executors.newFixedThreadPool(Service.values().length)) {
                List<Future<?>> runs = new ArrayList<>();
                for (Service service : Service.values()) {
                    HostileRequests generator = new HostileRequests(seed * 31 + service.ordinal(), fixture,
                            badTokens());
                    List<ApiOperation> own = operations.stream().filter(operation -> operation.service() == service)
                            .toList();
                    runs.add(workers.submit(() -> {
                        for (ApiOperation operation : own) {
                            for (int round = 0; round < rounds; round++) {
                                for (Attack attack : HostileRequests.attacksOn(operation)) {
                                    send(ledger, mongo, generator.next(operation, attack), tally);
                                }
                            }
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            }
            Duration fuzzing = Duration.between(fuzzBegin, Instant.now());

            for (Service service : Service.values()) {
                LedgerHttp.Answer health = http.get(ledger.baseOf(service).resolve("/actuator/health"));
                assertThat(health.status()).as("%s health after fuzzing: %s", service, health.text()).isEqualTo(200);
                assertThat(health.json().path("status").asText()).as(service.serviceName()).isEqualTo("UP");
            }
            // The fixture still reads back: refused requests changed nothing a reader sees.
            http.ok("fixture account", http.get(ledger.baseOf(Service.CONTACTS)
                    .resolve("/accounts/" + fixture.accountId())));

            String summary = tally.summary(seed, operations, rounds, startup, fuzzing);
            System.out.println(summary);
            Path file = Path.of("target", "reliability", "api-fuzz-summary.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary);

            assertThat(tally.violations()).as("violations (seed %d)", seed).isEmpty();
            assertThat(tally.total).as("requests tried").isGreaterThanOrEqualTo(Math.min(budget, 1_000));
        }
    }

    private void send(InProcessLedger ledger, MongoClient mongo, Request request, Tally tally) {
        ApiOperation operation = request.operation();
        long before = events(mongo, operation.service());
        URI uri = URI.create(ledger.baseOf(operation.service()) + request.pathAndQuery());
        long started = System.nanoTime();
        LedgerHttp.Answer answer = http.exchange(operation.method(), uri, request.headers(), request.body());
        long micros = (System.nanoTime() - started) / 1_000;
        long after = events(mongo, operation.service());
        int number = tally.record(request, answer, micros);
        String where = "#" + number + " " + operation + " [" + request.attack() + ": " + request.description()
                + "] -> " + answer.status();
        if (answer.status() >= 500) {
            tally.violation(request, answer, "5xx", where + " " + abbreviate(answer.text()));
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                tally.violation(request, answer, "4xx not problem+json", where + " answered Content-Type '"
                        + answer.contentType() + "': " + abbreviate(answer.text()));
            }
            if (after != before) {
                tally.violation(request, answer, "refused but wrote",
                        where + " was refused but the event store went from " + before + " to " + after);
            }
        }
        // A body no JSON reader may accept, sent to an endpoint that reads one (a DELETE may ignore its body).
        if (answer.status() < 300 && Attack.NEVER_ACCEPTED.contains(request.attack())
                && (operation.bodySchema() != null || request.attack() == Attack.BAD_TOKEN)) {
            tally.violation(request, answer, "accepted malformed input",
                    where + " accepted input no JSON reader may accept");
        }
    }

    /** Expired, unsigned, forged, tenant-less, role-less, wrong scheme, garbage. */
    private static List<String> badTokens() {
        DevelopmentTokens tokens = DevelopmentTokens.forTests();
        String valid = tokens.defaultToken();
        String[] parts = valid.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
        String otherKey = DevelopmentTokens.in(Path.of("target", "reliability", "foreign-key")).defaultToken();
        return List.of(
                "Bearer " + tokens.mint("fuzz", DevelopmentTokens.DEFAULT_TENANT, DevelopmentTokens.ALL_ROLES,
                        Duration.ofMinutes(-5)),
                "Bearer " + unsigned,
                "Bearer " + parts[0] + "." + parts[1] + "." + base64.encodeToString(new byte[256]),
                "Bearer " + otherKey,
                "Bearer " + tokens.mint("fuzz", DevelopmentTokens.DEFAULT_TENANT, List.of(), Duration.ofHours(1)),
                "Bearer garbage",
                "Bearer " + "A".repeat(6_000),
                "Basic YWRtaW46YWRtaW4=",
                "bearer",
                "Bearer {\"$gt\":\"\"}");
    }

    private static long events(MongoClient mongo, Service service) {
        return mongo.getDatabase(service.database()).getCollection(Service.EVENTS_COLLECTION).estimatedDocumentCount();
    }

    /** One account with two contacts, known to every service, so requests can get past "not found". */
    private Fixture fixture(InProcessLedger ledger) {
        URI contacts = ledger.baseOf(Service.CONTACTS);
        String account = http.ok("open account", http.postJson(contacts.resolve("/accounts"), Map.of(
                "name", "Fuzz Target Ltd", "industry", "Testing", "segment", "ENTERPRISE", "region", "EMEA")))
                .get("id").asText();
        List<String> people = new ArrayList<>();
        for (String name : List.of("Ada Fuzz", "Grace Probe")) {
            people.add(http.ok("add contact", http.postJson(contacts.resolve("/accounts/" + account + "/contacts"),
                    Map.of("fullName", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com",
                            "title", "Director", "department", "Operations", "seniority", "DIRECTOR")))
                    .get("id").asText());
        }
        URI analytics = ledger.baseOf(Service.ANALYTICS);
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            LedgerHttp.Answer timeline = http.get(analytics.resolve("/accounts/" + account + "/timeline"));
            assertThat(timeline.status()).isEqualTo(200);
            assertThat(timeline.json().path("entries").size()).isGreaterThanOrEqualTo(3);
        });
        return new Fixture(account, people);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** What the run did, for the assertion messages and the summary the README quotes. */
    private static final class Tally {

        private int total;
        private final Map<String, List<String>> violations = new TreeMap<>();
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final Map<Attack, int[]> byAttack = new EnumMap<>(Attack.class);
        private final Map<Service, Integer> byService = new EnumMap<>(Service.class);
        private long slowestMicros;
        private long answerMicros;
        private String slowest = "";

        synchronized int record(Request request, LedgerHttp.Answer answer, long micros) {
            total++;
            byStatus.merge(answer.status(), 1, Integer::sum);
            int[] counts = byAttack.computeIfAbsent(request.attack(), attack -> new int[2]);
            counts[0]++;
            if (answer.status() < 300) {
                counts[1]++;
            }
            byService.merge(request.operation().service(), 1, Integer::sum);
            answerMicros += micros;
            if (micros > slowestMicros) {
                slowestMicros = micros;
                slowest = request.operation() + " [" + request.attack() + "]";
            }
            return total;
        }

        synchronized void violation(Request request, LedgerHttp.Answer answer, String kind, String text) {
            violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(text);
        }

        /** Each kind of violation with its count and first examples. */
        synchronized List<String> violations() {
            List<String> lines = new ArrayList<>();
            violations.forEach((kind, examples) -> {
                lines.add(kind + ": " + examples.size() + " request(s)");
                examples.stream().limit(5).forEach(example -> lines.add("  " + example));
            });
            return lines;
        }

        synchronized String summary(long seed, List<ApiOperation> operations, int rounds, Duration startup,
                                    Duration fuzzing) {
            StringBuilder text = new StringBuilder();
            text.append("## API fuzzing (ApiFuzzIT), ")
                    .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                            .format(Instant.now().atZone(ZoneOffset.UTC)))
                    .append("\n\n");
            int violationCount = violations.values().stream().mapToInt(List::size).sum();
            text.append(String.format("%,d generated requests against %d endpoints of 4 services in %.1f s "
                            + "(%.0f requests/s over 4 threads, mean answer %.1f ms; stack start %.1f s), seed %d, "
                            + "%d round(s) per endpoint and attack. Violations: %d.%n%n",
                    total, operations.size(), fuzzing.toMillis() / 1000.0,
                    total * 1000.0 / Math.max(1, fuzzing.toMillis()), answerMicros / 1000.0 / Math.max(1, total),
                    startup.toMillis() / 1000.0, seed, rounds, violationCount));
            text.append("| attack | requests | accepted (2xx) |\n| --- | --- | --- |\n");
            byAttack.forEach((attack, counts) -> text.append("| ").append(attack.name().toLowerCase().replace('_', ' '))
                    .append(" | ").append(counts[0]).append(" | ").append(counts[1]).append(" |\n"));
            text.append("\nBy status: ");
            byStatus.forEach((status, count) -> text.append(status).append(" ×").append(count).append("  "));
            text.append("\nBy service: ");
            byService.forEach((service, count) ->
                    text.append(service.serviceName()).append(" ").append(count).append("  "));
            text.append(String.format("%nSlowest answer: %.1f ms (%s).%n", slowestMicros / 1000.0, slowest));
            if (!violations.isEmpty()) {
                text.append("\nViolations:\n");
                violations().forEach(line -> text.append("- ").append(line).append('\n'));
            }
            return text.toString();
        }
    }
}
