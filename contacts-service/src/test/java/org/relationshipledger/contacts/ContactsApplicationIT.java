package org.relationshipledger.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactsApplicationIT {

    @Autowired
    TestRestTemplate http;

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
        assertThat(openApi.getBody()).contains("\"openapi\"", "\"/accounts\"", "\"/accounts/{accountId}\"",
                "\"/accounts/{accountId}/contract-value\"", "\"/accounts/{accountId}/renewal\"",
                "\"/accounts/{accountId}/churn\"", "\"/accounts/{accountId}/reopening\"",
                "\"/accounts/{accountId}/contacts\"", "\"/accounts/{accountId}/duplicate-candidates\"",
                "\"/accounts/{accountId}/history\"", "\"/contacts/{contactId}\"",
                "\"/contacts/{contactId}/departure\"", "\"/contacts/{contactId}/erasure\"",
                "\"/contacts/{contactId}/merge\"", "\"patch\"");
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        ResponseEntity<String> missing = http.getForEntity("/no-such-resource", String.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
