package org.relationshipledger.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.Problems.assertProblem;
import static org.relationshipledger.analytics.Problems.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.BuyingRoleAssigned;
import org.relationshipledger.contracts.MappingEvent.Stance;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class AccountHealthIT extends AnalyticsIntegration {

    private final String account = "acc-" + UUID.randomUUID();

    private JsonNode awaitHealth(int eventCount) {
        return awaitHealth(account, eventCount);
    }

    @Test
    void foldsEventsFromEveryTopicIntoAnExplainedScore() {
        Instant now = Instant.now();
        topics.publish(new AccountOpened(account, "Acme", null, Segment.ENTERPRISE, "EMEA", now));
        topics.publish(new BuyingRoleAssigned(account, "c-1", BuyingRole.DECISION_MAKER, Stance.ALLY, now));
        topics.publish(new AffinityRated(account, "c-1", "tm-1", 4, null, now));
        topics.publish(new InteractionLogged(account, "i-1", Channel.MEETING, Direction.OUTBOUND, List.of("c-1"),
                List.of("tm-1"), 2, null, now.minus(Duration.ofDays(2))));
        topics.publish(new SurveyAnswered(account, "s-1", "c-1", SurveyKind.NPS, 10, now));

        JsonNode health = awaitHealth(5);

        assertThat(health.path("accountId").asText()).isEqualTo(account);
        assertThat(health.path("modelVersion").asText()).isEqualTo("2026-11-default");
        assertThat(health.path("components")).hasSize(9);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode component : health.path("components")) {
            sum = sum.add(component.path("points").decimalValue());
            assertThat(component.path("raw").asText()).isNotBlank();
        }
        assertThat(sum.doubleValue()).isEqualTo(health.path("score").asDouble());
        assertThat(component(health, "COVERAGE").path("raw").asText()).startsWith("1 of 1 decision makers");
        assertThat(component(health, "NPS").path("points").asDouble()).isEqualTo(10.0);
        assertThat(health.path("band").asText()).isIn("HEALTHY", "WATCH");
    }

    @Test
    void answersAsOfFromTheEventsRecordedByThen() {
        Instant january = Instant.parse("2026-01-10T09:00:00Z");
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, january), january);
        topics.publish(new TicketOpened(account, "t-1", Severity.HIGH, null, january.plus(Duration.ofDays(1)),
                january.plus(Duration.ofDays(5))), january.plus(Duration.ofDays(5)));
        awaitHealth(2);

        ResponseEntity<String> before = http.getForEntity("/accounts/{id}/health?asOf=2026-01-12T00:00:00Z",
                String.class, account);
        ResponseEntity<String> after = http.getForEntity("/accounts/{id}/health?asOf=2026-01-20", String.class,
                account);

        assertThat(component(json(before.getBody()), "TICKETS").path("raw").asText()).startsWith("0 open tickets");
        assertThat(component(json(after.getBody()), "TICKETS").path("raw").asText()).startsWith("1 open tickets");
        assertThat(json(after.getBody()).path("evaluatedAt").asText()).isEqualTo("2026-01-20T00:00:00Z");
        assertProblem(http.getForEntity("/accounts/{id}/health?asOf=2025-12-31T00:00:00Z", String.class, account),
                HttpStatus.NOT_FOUND, "asOf");
    }

    @Test
    void aRedeliveredEventNeverCountsTwice() {
        Instant now = Instant.now();
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, now));
        LedgerEnvelope interaction = topics.publish(new InteractionLogged(account, "i-1", Channel.CALL,
                Direction.INBOUND, List.of(), List.of(), 1, null, now));
        topics.publish(interaction);
        topics.publish(interaction);
        topics.publish(new InteractionLogged(account, "i-2", Channel.CALL, Direction.INBOUND, List.of(), List.of(), 1,
                null, now));

        JsonNode health = awaitHealth(3);

        assertThat(component(health, "FREQUENCY").path("raw").asText()).startsWith("2 interactions");
    }

    @Test
    void tracesTheScoreOverTime() {
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, start), start);
        topics.publish(new TicketOpened(account, "t-1", Severity.HIGH, null, start, start.plus(Duration.ofDays(2))),
                start.plus(Duration.ofDays(2)));
        awaitHealth(2);

        JsonNode history = json(http.getForEntity(
                "/accounts/{id}/health/history?from=2026-02-01&to=2026-02-04&step=P1D", String.class, account)
                .getBody());

        assertThat(history.path("points")).hasSize(4);
        assertThat(component(history.path("points").get(1), "TICKETS").path("raw").asText()).startsWith("0 open");
        assertThat(component(history.path("points").get(2), "TICKETS").path("raw").asText()).startsWith("1 open");
    }

    @Test
    void refusesUnknownAccountsAndMalformedTimes() {
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, Instant.now()));
        awaitHealth(1);

        assertProblem(http.getForEntity("/accounts/{id}/health", String.class, "acc-unknown-" + UUID.randomUUID()),
                HttpStatus.NOT_FOUND, "accountId");
        assertProblem(http.getForEntity("/accounts/{id}/health/history", String.class,
                "acc-unknown-" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "accountId");
        assertProblem(http.getForEntity("/accounts/{id}/health?asOf=yesterday", String.class, account),
                HttpStatus.BAD_REQUEST, "asOf");
        assertProblem(http.getForEntity("/accounts/{id}/health/history?from=2026-03-01&to=2026-02-01", String.class,
                account), HttpStatus.BAD_REQUEST, "from");
        assertProblem(http.getForEntity("/accounts/{id}/health/history?step=P1M", String.class, account),
                HttpStatus.BAD_REQUEST, "step");
        assertProblem(http.getForEntity("/accounts/{id}/health/history?step=-P1D", String.class, account),
                HttpStatus.BAD_REQUEST, "step");
        assertProblem(http.getForEntity("/accounts/{id}/health/history?from=2020-01-01&step=PT1M", String.class,
                account), HttpStatus.BAD_REQUEST, "step");
        assertProblem(http.getForEntity("/accounts/at-risk?segment=GIANT", String.class), HttpStatus.BAD_REQUEST,
                "segment");
    }
}

