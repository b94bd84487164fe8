package org.relationshipledger.analytics;

import static org.awaitility.Awaitility.await;
import static org.relationshipledger.analytics.Problems.json;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.relationshipledger.analytics.integration.LedgerTopics;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service on real infrastructure, fed the way production feeds it: events published on the ledger topics by
 * {@link #topics}, answers read over HTTP once the service has consumed them. What every integration test of a
 * view shares: the publisher's life cycle, the waits for a view to catch up, and one Spring context for all of
 * them (one consumer group member, one serving generation), whose clock a test may stop at an instant of its
 * choosing ({@link ReferenceClock}).
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ReferenceClock.class)
public abstract class AnalyticsIntegration {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    protected static LedgerTopics topics;

    @Autowired
    protected TestRestTemplate http;

    @BeforeAll
    static void connect() {
        topics = new LedgerTopics();
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    /** The account's current health once it has folded exactly {@code events} events. */
    protected JsonNode awaitHealth(String accountId, int events) {
        return awaitView("/accounts/{id}/health", accountId,
                health -> health.path("eventsFolded").asInt() == events);
    }

    /** The account's timeline once it has exactly {@code entries} entries. */
    protected JsonNode awaitTimeline(String accountId, int entries) {
        return awaitView("/accounts/{id}/timeline", accountId,
                timeline -> timeline.path("entries").size() == entries);
    }

    /** The answer of {@code path} about the account once the service knows it and the answer satisfies {@code ready}. */
    protected JsonNode awaitView(String path, String accountId, Predicate<JsonNode> ready) {
        return await().atMost(CATCH_UP).until(() -> {
            ResponseEntity<String> response = http.getForEntity(path, String.class, accountId);
            return response.getStatusCode() == HttpStatus.OK ? json(response.getBody()) : null;
        }, view -> view != null && ready.test(view));
    }

    /** One line of a score's explanation, by component name. */
    protected static JsonNode component(JsonNode health, String name) {
        for (JsonNode component : health.path("components")) {
            if (component.path("component").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no component " + name + " in " + health);
    }
}
