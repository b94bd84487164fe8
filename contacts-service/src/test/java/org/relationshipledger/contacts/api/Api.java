package org.relationshipledger.contacts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's HTTP API as a client sees it: JSON in, status and JSON out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final String bearerToken;

    public Api(TestRestTemplate http) {
        this(http, null);
    }

    private Api(TestRestTemplate http, String bearerToken) {
        this.http = http;
        this.bearerToken = bearerToken;
    }

    /** The same API called with {@code bearerToken} instead of the test kit's default token. */
    public Api as(String bearerToken) {
        return new Api(http, bearerToken);
    }

    public record Reply(HttpStatus status, HttpHeaders headers, JsonNode body) {

        public Reply expect(HttpStatus expected) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
            return this;
        }

        public String id() {
            return body.get("id").asText();
        }
    }

    public Reply get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Reply post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public Reply patch(String path, Object body) {
        return exchange(HttpMethod.PATCH, path, body);
    }

    /** {@code body} is sent as is when it is a String, else as JSON. */
    public Reply exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (bearerToken != null) {
            headers.setBearerAuth(bearerToken);
        }
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(text, headers), String.class);
            JsonNode json = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Reply(HttpStatus.valueOf(response.getStatusCode().value()), response.getHeaders(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String openAccount(String name) {
        Reply reply = post("/accounts", Map.of("name", name, "industry", "Logistics", "segment", "ENTERPRISE",
                "region", "EMEA")).expect(HttpStatus.CREATED);
        assertThat(reply.headers().getLocation()).hasToString("/accounts/" + reply.id());
        return reply.id();
    }

    public String addContact(String accountId, Map<String, Object> contact) {
        Reply reply = post("/accounts/" + accountId + "/contacts", contact).expect(HttpStatus.CREATED);
        assertThat(reply.headers().getLocation()).hasToString("/contacts/" + reply.id());
        return reply.id();
    }
}
