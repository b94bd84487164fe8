package org.relationshipledger.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's HTTP API as a client sees it: JSON in, JSON or problem+json out. */
final class MappingHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, MediaType contentType, JsonNode body) {

        Answer isProblem(int expectedStatus, String field) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).hasToString("application/problem+json");
            if (field != null) {
                assertThat(body.path("errors").findValuesAsText("field")).as("fields of %s", body).contains(field);
            }
            return this;
        }
    }

    private final TestRestTemplate http;

    MappingHttp(TestRestTemplate http) {
        this.http = http;
    }

    Answer get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    Answer put(String path, String json) {
        return exchange(HttpMethod.PUT, path, json);
    }

    Answer post(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    Answer delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    /** Expects the command to be accepted. */
    JsonNode ok(HttpMethod method, String path, String json) {
        Answer answer = exchange(method, path, json);
        assertThat(answer.status()).as("%s %s answered %s", method, path, answer.body()).isBetween(200, 299);
        return answer.body();
    }

    Answer exchange(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        try {
            JsonNode body = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType(), body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
