package org.relationshipledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.testkit.KafkaTestConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * The load run of issue #9: {@value #CLIENTS} concurrent clients for {@code ledger.load.seconds} (default 120)
 * against all four services on the embedded stack — 80 % writes (interactions), 20 % reads (org chart, health,
 * interactions). Then the reconciliation: every accepted interaction is in engagement's store, on Kafka once and
 * counted once by analytics. Zero 5xx. Figures are printed and written to {@code target/load-run.json}. Runs with
 * {@code ./mvnw -P load -pl deploy/launcher verify} (README "Reliability"); excluded from the default build.
 */
class ApiLoadIT {

    private static final int CLIENTS = 100;
    private static final int ACCOUNTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonCalls calls = new JsonCalls(http, Duration.ofSeconds(60));
    private RunningLedger ledger;

    @Test
    void hundredClientsForTwoMinutesLoseNothingAndNeverSee5xx() throws Exception {
        Duration length = Duration.ofSeconds(Long.getLong("ledger.load.seconds", 120));
        LauncherSettings settings = new LauncherSettings(data, FreePorts.one(), FreePorts.one(), FreePorts.runOfFour(),
                Map.of(), false);
        try (RunningLedger started = RunningLedger.start(settings)) {
            ledger = started;
            List<Account> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(account(i));
            }

            Map<String, Histogram> latency = new ConcurrentHashMap<>();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicLong failures = new AtomicLong();
            Instant end = Instant.now().plus(length);
            Instant begin = Instant.now();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (Instant.now().isBefore(end)) {
                            Account account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                            boolean write = ThreadLocalRandom.current().nextInt(10) < 8;
                            String kind = write ? "write interaction" : "read";
                            long started0 = System.nanoTime();
                            try {
                                HttpResponse<String> response = write ? logInteraction(account) : read(account);
                                latency.computeIfAbsent(kind, k -> new ConcurrentHistogram(3))
                                        .recordValue(Math.max(1, (System.nanoTime() - started0) / 1_000));
                                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                                if (write && response.statusCode() == 201) {
                                    accepted.add(JSON.readTree(response.body()).get("interactionId").asText());
                                }
                            } catch (IOException | InterruptedException e) {
                                failures.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
            }
            Duration ran = Duration.between(begin, Instant.now());

            long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
            long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                    .mapToLong(e -> e.getValue().get()).sum();
            long acceptedTotal = accepted.size();

            System.out.printf("load-run: %d requests in %.1f s, statuses %s, %d interactions accepted, %d unanswered%n",
                    total, ran.toMillis() / 1000.0, statuses, acceptedTotal, failures.get());
            Instant loadEnd = Instant.now();
            Reconciliation reconciled = reconcile(accounts, accepted);
            Duration catchUp = Duration.between(loadEnd, Instant.now());
            Map<String, Object> figures = figures(ran, total, statuses, failures.get(), latency, acceptedTotal, reconciled);
            figures.put("reconciledSecondsAfterLoad", catchUp.toMillis() / 1000.0);
            String report = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures);
            System.out.println("load-run: " + report);
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("load-run.json"), report);
            }

            assertThat(serverErrors).as("5xx answers").isZero();
            assertThat(failures.get()).as("requests that got no answer").isZero();
            assertThat(acceptedTotal).as("the run accepted writes").isPositive();
            assertThat(reconciled.stored).as("accepted interactions in engagement's store").isEqualTo(accepted);
            assertThat(reconciled.onKafka).as("accepted interactions on Kafka").isEqualTo(accepted);
            assertThat(reconciled.duplicateOnKafka).as("event ids published twice").isZero();
            assertThat(reconciled.inAnalytics).as("accepted interactions counted by analytics").isEqualTo(accepted);
            assertThat(reconciled.analyticsEntries).as("analytics counted each interaction once").isEqualTo(accepted.size());
        }
    }

    private record Account(String id, List<String> contacts, String owner) {
    }

    /** Interaction ids found in each place (each interaction is its own stream), and duplicates. */
    private record Reconciliation(Set<String> stored, Set<String> onKafka, long duplicateOnKafka,
                                  Set<String> inAnalytics, long analyticsEntries) {
    }

    private Account account(int n) throws Exception {
        String id = json(expect(201, call("POST", base(LedgerService.CONTACTS), "/accounts", Map.of("name", "Load Account " + n,
                "industry", "Logistics", "segment", n % 2 == 0 ? "ENTERPRISE" : "MID_MARKET", "region", "EMEA"))))
                .get("id").asText();
        List<String> contacts = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            contacts.add(json(expect(201, call("POST", base(LedgerService.CONTACTS), "/accounts/" + id + "/contacts",
                    Map.of("fullName", "Person " + n + "-" + c, "title", "Buyer", "seniority", "MANAGER"))))
                    .get("id").asText());
        }
        String owner = "owner-" + (n % 4);
        await().atMost(Duration.ofSeconds(90)).until(() -> call("POST", base(LedgerService.ENGAGEMENT), "/accounts/" + id + "/owner",
                Map.of("ownerId", owner, "assignedBy", owner)).statusCode() != 404);
        await().atMost(Duration.ofSeconds(90)).until(() ->
                call("GET", base(LedgerService.MAPPING), "/accounts/" + id + "/org-chart", null).statusCode() == 200);
        return new Account(id, contacts, owner);
    }

    private HttpResponse<String> logInteraction(Account account) throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> body = new HashMap<>();
        body.put("channel", List.of("EMAIL", "CALL", "MEETING", "CHAT").get(random.nextInt(4)));
        body.put("direction", random.nextBoolean() ? "INBOUND" : "OUTBOUND");
        body.put("occurredAt", Instant.now().minus(Duration.ofMinutes(random.nextInt(1, 60 * 24 * 30))).toString());
        body.put("contactIds", List.of(account.contacts.get(random.nextInt(account.contacts.size()))));
        body.put("teamMemberIds", List.of(account.owner));
        body.put("sentiment", random.nextInt(-2, 3));
        body.put("summary", "Load run touchpoint");
        body.put("recordedBy", account.owner);
        return call("POST", base(LedgerService.ENGAGEMENT), "/accounts/" + account.id + "/interactions", body);
    }

    private HttpResponse<String> read(Account account) throws IOException, InterruptedException {
        return switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> call("GET", base(LedgerService.MAPPING), "/accounts/" + account.id + "/org-chart", null);
            case 1 -> call("GET", base(LedgerService.ANALYTICS), "/accounts/" + account.id + "/health", null);
            default -> call("GET", base(LedgerService.ENGAGEMENT), "/accounts/" + account.id + "/interactions", null);
        };
    }

    private Reconciliation reconcile(List<Account> accounts, Set<String> accepted) throws Exception {
        Set<String> accountIds = accounts.stream().map(Account::id).collect(Collectors.toSet());
        Set<String> stored = new HashSet<>();
        try (MongoClient mongo = MongoClients.create(ledger.infrastructure().mongoUri())) {
            // Each interaction is its own stream: an accepted one is in the store if its stream is.
            for (Document event : mongo.getDatabase("engagement").getCollection("domainevents")
                    .find(Filters.in("aggregateIdentifier", accepted))) {
                stored.add(event.getString("aggregateIdentifier"));
            }
        }
        Set<String> onKafka = new HashSet<>();
        long duplicates;
        try (KafkaTestConsumer kafka = new KafkaTestConsumer(ledger.infrastructure().kafkaBootstrapServers())) {
            List<LedgerEnvelope> logged = kafka.readUntil(all -> logged(all, accountIds).size() >= accepted.size(),
                    Duration.ofSeconds(120), Topics.ENGAGEMENT).stream().collect(
                    Collectors.collectingAndThen(Collectors.toList(), all -> logged(all, accountIds)));
            logged.forEach(e -> onKafka.add(e.streamId()));
            duplicates = logged.size() - logged.stream().map(LedgerEnvelope::eventId).distinct().count();
        }
        Set<String> inAnalytics = new HashSet<>();
        long[] entries = new long[1];
        // Analytics drains its backlog after the load; say how far it got if it never catches up.
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
                .conditionEvaluationListener(condition -> System.out.printf(
                        "load-run: analytics has %d of %d accepted interactions (%d entries)%n",
                        inAnalytics.size(), accepted.size(), entries[0]))
                .until(() -> {
            inAnalytics.clear();
            entries[0] = 0;
            for (String id : accountIds) {
                for (JsonNode entry : json(call("GET", base(LedgerService.ANALYTICS), "/accounts/" + id + "/timeline", null))
                        .path("entries")) {
                    if (entry.path("type").asText().equals("engagement.InteractionLogged")) {
                        inAnalytics.add(entry.path("streamId").asText());
                        entries[0]++;
                    }
                }
            }
            return inAnalytics.equals(accepted);
        });
        return new Reconciliation(stored, onKafka, duplicates, inAnalytics, entries[0]);
    }

    private static List<LedgerEnvelope> logged(List<ConsumerRecord<String, byte[]>> records, Set<String> accountIds) {
        return records.stream().filter(r -> accountIds.contains(r.key())).map(EnvelopeCodec::fromRecord)
                .filter(e -> e.type().equals("engagement.InteractionLogged")).toList();
    }

    private static Map<String, Object> figures(Duration ran, long total, Map<Integer, AtomicLong> statuses, long failures,
                                               Map<String, Histogram> latency, long accepted, Reconciliation reconciled) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", CLIENTS);
        figures.put("seconds", ran.toMillis() / 1000.0);
        figures.put("requests", total);
        figures.put("requestsPerSecond", Math.round(total * 1000.0 / Math.max(1, ran.toMillis())));
        figures.put("statuses", statuses.entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> e.getValue().get())));
        figures.put("unanswered", failures);
        figures.put("acceptedInteractions", accepted);
        figures.put("storedInteractions", reconciled.stored.size());
        figures.put("kafkaInteractions", reconciled.onKafka.size());
        figures.put("kafkaDuplicates", reconciled.duplicateOnKafka);
        figures.put("analyticsInteractions", reconciled.analyticsEntries);
        Map<String, Object> millis = new LinkedHashMap<>();
        latency.forEach((kind, histogram) -> millis.put(kind, Map.of(
                "p50", histogram.getValueAtPercentile(50) / 1000.0,
                "p99", histogram.getValueAtPercentile(99) / 1000.0,
                "p99.9", histogram.getValueAtPercentile(99.9) / 1000.0,
                "max", histogram.getMaxValue() / 1000.0)));
        figures.put("latencyMillis", millis);
        return figures;
    }

    private URI base(LedgerService service) {
        return URI.create(ledger.settings().baseUrlOf(service));
    }

    /** Every request of the run goes through here, with the stack's development token. */
    private HttpResponse<String> call(String method, URI base, String path, Object body)
            throws IOException, InterruptedException {
        return calls.send(ledger.token(), method, base.resolve(path), body);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        return JsonCalls.expect(status, response);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JsonCalls.json(response);
    }
}
