package org.relationshipledger.analytics.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Analytics' own role rules (ADR 0060): replays need an admin, dead letters an auditor, what-if any role. */
class AccessIT extends AnalyticsIntegration {

    private static final DevelopmentTokens TOKENS = DevelopmentTokens.forTests();

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
    void aViewerMayAskWhatIfBecauseItChangesNothing() {
        HttpStatus answered = status(HttpMethod.POST, "/what-if/health", "viewer", Map.of());
        assertThat(answered).as("refused for the missing model, not for the role").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private HttpStatus status(HttpMethod method, String path, String role, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TOKENS.mint(DevelopmentTokens.DEFAULT_TENANT, role));
        return HttpStatus.valueOf(http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value());
    }
}
