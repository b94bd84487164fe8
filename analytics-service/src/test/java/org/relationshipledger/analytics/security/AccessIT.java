package org.relationshipledger.analytics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.Problems.json;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.core.consumer.DeadLetters;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Analytics' own role rules (ADR 0060): replays need an admin, dead letters an auditor, what-if any role. */
class AccessIT extends AnalyticsIntegration {

    private static final DevelopmentTokens TOKENS = DevelopmentTokens.forTests();
    private static long sequence = 1_000_000;

    @Autowired
    private DeadLetters deadLetters;
    @Autowired
    private AccountTenancy tenancy;

    @Test
    void aReplayNeedsAnAdminEvenForAnEditor() {
        assertThat(status(HttpMethod.POST, "/replays", "editor", Map.of("projection", "no-such-projection")))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(HttpMethod.POST, "/replays", "auditor", Map.of("projection", "no-such-projection")))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(HttpMethod.POST, "/replays", "admin", Map.of("projection", "no-such-projection")))
                .as("allowed through, then refused for the unknown projection").isNotEqualTo(HttpStatus.FORBIDDEN)
                .isNotEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void parkedRecordsAreForAuditorsAndAdmins() {
        assertThat(status(HttpMethod.GET, "/dead-letters", "viewer", null)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(HttpMethod.GET, "/dead-letters", "editor", null)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(HttpMethod.GET, "/dead-letters", "auditor", null)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherTenantsNewerParkedRecordsDoNotHideTheCallersOwn() {
        String tenant = "tenant-dl-" + UUID.randomUUID();
        String own = "acc-dl-own-" + UUID.randomUUID();
        tenancy.claim(own, tenant);
        for (int i = 0; i < 3; i++) {
            park(own, "own-" + i);
        }
        // Newer than the caller's: more than a page of another tenant's (here the default tenant's) records.
        for (int i = 0; i < 450; i++) {
            park("acc-dl-other-" + (i % 7), "other-" + i);
        }

        ResponseEntity<String> answer = get("/dead-letters?limit=2", tenant);
        JsonNode parked = json(answer.getBody());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(parked).hasSize(2);
        parked.forEach(record -> assertThat(record.path("key").asText()).isEqualTo(own));
        assertThat(json(get("/dead-letters?limit=500", tenant).getBody())).hasSize(3);
    }

    @Test
    void aViewerMayAskWhatIfBecauseItChangesNothing() {
        HttpStatus answered = status(HttpMethod.POST, "/what-if/health", "viewer", Map.of());
        assertThat(answered).as("refused for the missing model, not for the role").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private void park(String accountId, String value) {
        deadLetters.park("access-it", new ConsumerRecord<>("ledger.engagement", 0, sequence++, accountId,
                value.getBytes(StandardCharsets.UTF_8)), new IllegalArgumentException("unreadable " + value));
    }

    private ResponseEntity<String> get(String path, String tenant) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.mint(tenant, "auditor"));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private HttpStatus status(HttpMethod method, String path, String role, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TOKENS.mint(DevelopmentTokens.DEFAULT_TENANT, role));
        return HttpStatus.valueOf(http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value());
    }
}
