package org.relationshipledger.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON client for the services' public APIs. Mapping and engagement learn accounts and contacts from
 * Kafka, so until they have, a write naming them answers 404; {@link #afterLearning} retries those for a bounded
 * time instead of racing the broker.
 */
final class LedgerApi {

    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Duration learningTimeout;
    private final String bearerToken;

    LedgerApi(Duration learningTimeout, String bearerToken) {
        this.learningTimeout = learningTimeout;
        this.bearerToken = bearerToken;
    }

    JsonNode post(URI base, String path, Object body) {
        return answer(send("POST", base, path, body));
    }

    JsonNode get(URI base, String path) {
        return answer(send("GET", base, path, null));
    }

    /** A write to a service that learns the ids it names from Kafka: 404 means "not yet", until the timeout. */
    JsonNode afterLearning(String method, URI base, String path, Object body) {
        Instant deadline = Instant.now().plus(learningTimeout);
        while (true) {
            HttpResponse<String> response = send(method, base, path, body);
            if (response.statusCode() != 404) {
                return answer(response);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("demo data: %s %s%s still answers 404 after %s; the service has not "
                        .formatted(method, base, path, learningTimeout)
                        + "learnt the account or contact from Kafka. Is the broker up? Answer: " + response.body());
            }
            pause();
        }
    }

    private HttpResponse<String> send(String method, URI base, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("demo data: %s %s%s failed".formatted(method, base, path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data: interrupted", e);
        }
    }

    private JsonNode answer(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("demo data: %s %s answered %d: %s".formatted(response.request().method(),
                    response.request().uri(), response.statusCode(), response.body()));
        }
        try {
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo data: unreadable answer from " + response.request().uri(), e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("demo data: cannot write " + body, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data: interrupted while waiting for Kafka", e);
        }
    }
}
