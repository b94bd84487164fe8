package org.relationshipledger.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.Problems.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.analytics.ReferenceClock;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Health judged against the reference time with no new event: the service's clock (the ledger's {@code Clock}
 * bean, stopped and moved here by the test) is "now" for the current score, the at-risk list and the default end
 * of a history.
 */
class HealthDecayIT extends AnalyticsIntegration {

    private static final Instant RECORDED = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    ReferenceClock.Movable clock;

    private final String owner = "owner-" + UUID.randomUUID();
    private final String account = owner + "-acme";

    @BeforeEach
    void dayAfterTheLastEvent() {
        clock.stopAt(RECORDED.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void letTheClockRun() {
        clock.run();
    }

    /** An account that talked to us weekly for three months, with one open ticket, then went silent. */
    private void engagedThenSilent() {
        topics.publish(new AccountOpened(account, "Acme", null, Segment.ENTERPRISE, null, RECORDED), RECORDED);
        topics.publish(new AccountOwnerAssigned(account, owner, RECORDED), RECORDED);
        topics.publish(new TicketOpened(account, "t-1", Severity.LOW, null, RECORDED.plus(Duration.ofDays(3)),
                RECORDED), RECORDED);
        for (int week = 0; week < 12; week++) {
            topics.publish(new InteractionLogged(account, "i-" + week, Channel.MEETING, Direction.OUTBOUND,
                    List.of("c-1"), List.of(owner), 1, null, RECORDED.minus(Duration.ofDays(7L * week))), RECORDED);
        }
        awaitHealth(account, 15);
    }

    private JsonNode health() {
        return json(http.getForEntity("/accounts/{id}/health", String.class, account).getBody());
    }

    private JsonNode atRisk() {
        return json(http.getForEntity("/accounts/at-risk?owner={owner}", String.class, owner).getBody());
    }

    @Test
    void theCurrentScoreDecaysWhileNobodyTouchesTheAccount() {
        engagedThenSilent();
        JsonNode fresh = health();

        clock.stopAt(RECORDED.plus(Duration.ofDays(200)));
        JsonNode silent = health();

        assertThat(fresh.path("band").asText()).isEqualTo("HEALTHY");
        assertThat(silent.path("eventsFolded").asInt()).isEqualTo(fresh.path("eventsFolded").asInt());
        assertThat(silent.path("score").asDouble()).isLessThan(fresh.path("score").asDouble());
        assertThat(silent.path("band").asText()).isEqualTo("AT_RISK");
        assertThat(silent.path("evaluatedAt").asText()).isEqualTo(RECORDED.plus(Duration.ofDays(200)).toString());
        assertThat(component(silent, "RECENCY").path("raw").asText()).isEqualTo("200 days since the last interaction");
        assertThat(component(fresh, "RECENCY").path("raw").asText()).isEqualTo("1 days since the last interaction");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode component : silent.path("components")) {
            sum = sum.add(component.path("points").decimalValue());
        }
        assertThat(sum.doubleValue()).isEqualTo(silent.path("score").asDouble());
    }

    @Test
    void theAtRiskListRanksByTheScoreAsOfNow() {
        engagedThenSilent();
        assertThat(atRisk()).isEmpty();

        clock.stopAt(RECORDED.plus(Duration.ofDays(200)));
        JsonNode later = atRisk();

        assertThat(later).hasSize(1);
        assertThat(later.get(0).path("accountId").asText()).isEqualTo(account);
        assertThat(later.get(0).path("score").asDouble()).isEqualTo(health().path("score").asDouble());
        assertThat(later.get(0).path("topReasons").get(0).path("component").asText()).isEqualTo("RECENCY");
    }

    @Test
    void aHistoryEndsAtNowAndShowsTheDecay() {
        engagedThenSilent();
        clock.stopAt(RECORDED.plus(Duration.ofDays(60)));

        JsonNode history = json(http.getForEntity("/accounts/{id}/health/history?step=P10D", String.class, account)
                .getBody());

        JsonNode points = history.path("points");
        assertThat(history.path("to").asText()).isEqualTo(RECORDED.plus(Duration.ofDays(60)).toString());
        assertThat(points).hasSize(4);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).path("score").asDouble()).isLessThan(points.get(i - 1).path("score").asDouble());
        }
        assertThat(points.get(points.size() - 1)).isEqualTo(health());
    }
}
