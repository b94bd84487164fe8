package org.relationshipledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class AnalyticsApplicationIT extends AnalyticsIntegration {

    @Test
    void startsOnRealInfrastructureAndReportsItselfReady() {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"mongo\":{\"status\":\"UP\"");
    }

    @Test
    void servesItsOpenApiDocument() {
        ResponseEntity<String> openApi = http.getForEntity("/v3/api-docs", String.class);

        assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openApi.getBody()).contains("\"openapi\"");
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        ResponseEntity<String> missing = http.getForEntity("/no-such-resource", String.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
