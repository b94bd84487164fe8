package org.relationshipledger.launcher.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.relationshipledger.testkit.DevelopmentTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every HTTP request of the reliability tests goes through {@link #exchange}, which adds what every request needs
 * in one place: the test kit's default token (tenant "default", every role) as {@code Authorization}.
 */
final class LedgerHttp {

    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = DevelopmentTokens.forTests().defaultToken();

    /** Answer of one exchange; {@code contentType} is empty when the response had none. */
    record Answer(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }
    }

    /**
     * Sends one request. {@code body} null means no body; {@code headers} are sent as given (a fuzzer may name
     * odd content types, or an {@code Authorization} of its own instead of the default token). The only method here
     * that talks to a service.
     */
    Answer exchange(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }

    Answer get(URI uri) {
        return exchange("GET", uri, Map.of("Accept", JSON), null);
    }

    Answer postJson(URI uri, Object body) {
        try {
            return exchange("POST", uri, Map.of("Accept", JSON, "Content-Type", JSON), MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2xx answer's JSON, or an assertion error naming the request and the answer. */
    JsonNode ok(String what, Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError(what + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.json();
    }
}
