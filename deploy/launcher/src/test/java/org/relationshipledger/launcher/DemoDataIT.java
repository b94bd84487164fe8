package org.relationshipledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relationshipledger.launcher.demo.DemoData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code ./ledger up} on a fresh data directory: the demo story goes in through the APIs, once. */
class DemoDataIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    /** The running stack's development token; every API needs one. */
    private String token;

    /**
     * Everything the four services log while the demo story goes in — Spring, Axon, Kafka, our own lines — must
     * hold no demo person's name or email and no token (issue #9: no PII or tokens in logs).
     */
    @Test
    void loadsTheDemoStoryThroughThePublicApisOnTheFirstStartOnly() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Tee(out, logs), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, logs), true, StandardCharsets.UTF_8));
        try {
            loadsTheDemoStoryOnce();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the capture saw the services' logs").contains("Tomcat started on port",
                "relay lease acquired");
        for (String personal : DemoData.personalData()) {
            assertThat(logged).as("logs name a demo person").doesNotContain(personal);
        }
        assertThat(logged).as("logs hold a token").doesNotContain(token).doesNotContainPattern("eyJ[\\w-]{8,}\\.eyJ");
    }

    private void loadsTheDemoStoryOnce() throws Exception {
        LauncherSettings settings = new LauncherSettings(data, FreePorts.one(), FreePorts.one(),
                FreePorts.runOfFour(), Map.of(), true);
        String mapping = settings.baseUrlOf(LedgerService.MAPPING);
        String analytics = settings.baseUrlOf(LedgerService.ANALYTICS);
        String contacts = settings.baseUrlOf(LedgerService.CONTACTS);
        String engagement = settings.baseUrlOf(LedgerService.ENGAGEMENT);
        String strategic;
        int accountsAfterFirstStart;

        Instant begin = Instant.now();
        try (RunningLedger ledger = RunningLedger.start(settings)) {
            token = ledger.token();
            System.out.printf("ledger-launcher: services ready in %d ms, demo data loaded in %d ms, total %d ms%n",
                    ledger.startup().toMillis(), ledger.demoLoad().toMillis(),
                    Duration.between(begin, Instant.now()).toMillis());
            strategic = ledger.showcaseAccountId().orElseThrow();
            assertThat(Files.readString(data.resolve("demo-loaded")).strip()).isEqualTo(strategic);
            assertThat(Banner.render(ledger)).contains(mapping + "/accounts/" + strategic + "/org-chart",
                    mapping + "/accounts/" + strategic + "/backward-mapping",
                    analytics + "/accounts/" + strategic + "/health");

            JsonNode chart = get(mapping + "/accounts/" + strategic + "/org-chart");
            assertThat(countNodes(chart.get("roots"))).isBetween(38, 45);
            assertThat(stream(chart.get("otherLines"))).anyMatch(line -> line.get("kind").asText().equals("DOTTED"));

            JsonNode backward = get(mapping + "/accounts/" + strategic + "/backward-mapping");
            JsonNode best = backward.get("paths").get(0);
            assertThat(best).as("backward mapping: %s", backward).isNotNull();
            assertThat(best.get("affinity").asInt()).isGreaterThanOrEqualTo(4);
            JsonNode steps = best.get("steps");
            assertThat(steps.size()).isPositive();
            assertThat(steps.get(steps.size() - 1).get("nextContactId").asText())
                    .isEqualTo(best.get("targetContactId").asText());
            assertThat(best.get("targetLabel").asText()).isEqualTo("Senior Operations Analyst");

            JsonNode accounts = get(contacts + "/accounts");
            accountsAfterFirstStart = accounts.size();
            assertThat(stream(accounts)).anyMatch(account -> account.get("status").asText().equals("CHURNED"));
            String atRisk = idOf(accounts, "Quillmark Publishing");
            await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode healthy = get(analytics + "/accounts/" + strategic + "/health");
                JsonNode weak = get(analytics + "/accounts/" + atRisk + "/health");
                assertThat(weak.get("band").asText()).as("at-risk account: %s", weak).isEqualTo("AT_RISK");
                assertThat(healthy.get("band").asText()).as("strategic account: %s", healthy).isEqualTo("HEALTHY");
            });
            // Quillmark's critical ticket was raised three days before it was logged: the SLA sweep reports it.
            await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode critical = stream(get(engagement + "/accounts/" + atRisk + "/tickets"))
                        .filter(ticket -> ticket.get("severity").asText().equals("CRITICAL")).findFirst()
                        .orElseThrow(() -> new AssertionError("no critical ticket at Quillmark"));
                assertThat(critical.get("breaches")).as("critical ticket: %s", critical).hasSize(1);
                assertThat(Instant.parse(critical.get("openedAt").asText()))
                        .isBefore(Instant.now().minus(Duration.ofDays(2)));
                JsonNode tickets = stream(get(analytics + "/accounts/" + atRisk + "/health").get("components"))
                        .filter(component -> component.get("component").asText().equals("TICKETS")).findFirst()
                        .orElseThrow(() -> new AssertionError("no tickets component"));
                assertThat(tickets.get("raw").asText()).as("tickets component: %s", tickets)
                        .contains("1 past their SLA");
            });
        }

        try (RunningLedger restarted = RunningLedger.start(settings)) {
            token = restarted.token();
            assertThat(restarted.showcaseAccountId()).contains(strategic);
            assertThat(get(contacts + "/accounts").size()).isEqualTo(accountsAfterFirstStart);
        }
    }

    /** Copies what the test JVM prints to the console into a buffer as well. */
    private static final class Tee extends OutputStream {

        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }

    private static int countNodes(JsonNode nodes) {
        return stream(nodes).mapToInt(node -> 1 + countNodes(node.get("reports"))).sum();
    }

    private static String idOf(JsonNode accounts, String name) {
        return stream(accounts).filter(account -> account.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + name + " in " + accounts)).get("id").asText();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
