package org.relationshipledger.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.sample.SampleApplication;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the API fuzzer found refused outside Spring MVC's handlers, each now problem+json and writing nothing:
 * paths Tomcat or the security firewall cannot accept, wildcard content types, bodies that are not strict UTF-8,
 * trailing JSON, and chunked bodies over the limit.
 */
@WithRealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsIT {

    private static final String TOKEN = DevelopmentTokens.forTests().defaultToken();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    StoredEvents storedEvents;

    @ParameterizedTest
    @ValueSource(strings = {"/accounts/%00", "/accounts/a%2Fb", "/accounts/a%5Cb", "/accounts/%2e%2e", "/accounts/a%0Ab",
            "/accounts/a%25b", "/accounts/%C0%AF"})
    void pathsRefusedBeforeAnyHandlerAnswerProblemJson(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as(path + ": " + answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void bodiesThatCannotBeReadSafelyAreRefusedAndWriteNothing() throws Exception {
        long before = storedEvents.collection().countDocuments();

        assertProblem(post("*/*", "{\"name\":\"Wildcard Ltd\"}".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(post("application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                (byte) 0xC0, (byte) 0xAF, '"', '}'}), 400);
        assertProblem(post("application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}), 400);
        assertProblem(post("application/json", "{\"name\":\"Trailing Ltd\"}}}".getBytes(StandardCharsets.UTF_8)), 400);
        byte[] huge = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(request("application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413);

        assertThat(storedEvents.collection().countDocuments()).isEqualTo(before);
        assertThat(post("application/json", "{\"name\":\"Still Serving Ltd\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(request(contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String contentType) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/accounts"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", contentType);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
