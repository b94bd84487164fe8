package org.relationshipledger.analytics.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.Problems.assertProblem;
import static org.relationshipledger.analytics.Problems.json;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class WhatIfIT extends AnalyticsIntegration {

    private static final Instant MARCH = Instant.parse("2026-03-02T00:00:00Z");

    private final String account = "acc-" + UUID.randomUUID();

    /** An account that talks to us often but has a breached ticket: the weighting decides its band. */
    private void engagedButBreached() {
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, MARCH), MARCH);
        for (int i = 0; i < 12; i++) {
            Instant at = MARCH.plus(Duration.ofDays(i));
            topics.publish(new InteractionLogged(account, "i-" + i, Channel.CALL, Direction.INBOUND, List.of(),
                    List.of(), 1, null, at), at);
        }
        Instant breach = MARCH.plus(Duration.ofDays(13));
        topics.publish(new TicketOpened(account, "t-1", Severity.HIGH, null, breach, breach), breach);
        topics.publish(new TicketSlaBreached(account, "t-1", breach, breach.plusSeconds(60)), breach.plusSeconds(60));
        awaitHealth(account, 15);
    }

    private static Map<String, Object> weights(Object recency, Object tickets) {
        return weights(recency, tickets, 0);
    }

    private static Map<String, Object> weights(Object recency, Object tickets, Object coverage) {
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("recency", recency);
        weights.put("frequency", 0);
        weights.put("sentiment", 0);
        weights.put("nps", 0);
        weights.put("csat", 0);
        weights.put("tickets", tickets);
        weights.put("coverage", coverage);
        weights.put("champions", 0);
        weights.put("ownerStability", 0);
        return weights;
    }

    private ResponseEntity<String> whatIf(Map<String, Object> weights, String from, String to, String step,
                                          List<String> accounts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", Map.of("version", "tickets-matter", "weights", weights));
        body.put("from", from);
        body.put("to", to);
        body.put("step", step);
        body.put("accountIds", accounts);
        return http.postForEntity("/what-if/health", body, String.class);
    }

    @Test
    void rescoresTheHistoryUnderTheProposedModelBesideTheCurrentOne() {
        engagedButBreached();

        ResponseEntity<String> response = whatIf(weights(0, 1, 1), "2026-03-01T00:00:00Z", "2026-03-21T00:00:00Z",
                "P5D", List.of(account));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = json(response.getBody());
        assertThat(report.path("currentModel").path("version").asText()).isEqualTo("2026-11-default");
        assertThat(report.path("proposedModel").path("version").asText()).isEqualTo("tickets-matter");
        assertThat(report.path("proposedModel").path("thresholds").path("healthyFrom").asDouble()).isEqualTo(70.0);
        JsonNode points = report.path("accounts").get(0).path("points");
        assertThat(points).hasSize(4);
        assertThat(points.get(0).path("at").asText()).isEqualTo("2026-03-06T00:00:00Z");
        JsonNode last = points.get(3);
        assertThat(last.path("current").path("band").asText()).isEqualTo("WATCH");
        assertThat(last.path("proposed").path("band").asText()).isEqualTo("AT_RISK");
        assertThat(report.path("summary").path("newlyAtRisk").get(0).asText()).isEqualTo(account);
        assertThat(report.path("summary").path("atRiskAtEndCurrent")).isEmpty();
    }

    @Test
    void refusesNegativeOrNaNWeightsAndBadPeriods() {
        engagedButBreached();

        assertProblem(whatIf(weights(-1, 9), null, null, null, List.of(account)), HttpStatus.BAD_REQUEST,
                "model.weights.recency");
        assertProblem(whatIf(weights("NaN", 9), null, null, null, List.of(account)), HttpStatus.BAD_REQUEST,
                "model.weights.recency");
        assertProblem(whatIf(weights(1, 9), "2026-04-01", "2026-03-01", null, List.of(account)),
                HttpStatus.BAD_REQUEST, "from");
        assertProblem(whatIf(weights(1, 9), "soon", null, null, List.of(account)), HttpStatus.BAD_REQUEST, "from");
        assertProblem(whatIf(weights(1, 9), null, null, "PT1S", List.of(account)), HttpStatus.BAD_REQUEST, "step");
        assertProblem(whatIf(weights(1, 9), null, null, null, List.of("acc-unknown-" + UUID.randomUUID())),
                HttpStatus.NOT_FOUND, "accountIds");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> literalNaN = http.postForEntity("/what-if/health", new HttpEntity<>(
                "{\"model\":{\"version\":\"x\",\"weights\":{\"recency\":NaN}}}", headers), String.class);
        assertThat(literalNaN.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(literalNaN.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
