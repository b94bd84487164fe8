package org.relationshipledger.analytics.kpi;

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
import org.relationshipledger.contracts.AccountEvent.AccountChurned;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.ChurnReason;
import org.relationshipledger.contracts.AccountEvent.ContractValueChanged;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

class KpiAndAtRiskIT extends AnalyticsIntegration {

    private static final Instant JANUARY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-10T00:00:00Z");

    private final String owner = "owner-" + UUID.randomUUID();

    private String account(String suffix) {
        return owner + "-" + suffix;
    }

    /** Three accounts of one owner: one retained and engaged, one churned in the period, one in trouble. */
    private void threeAccounts() {
        String kept = account("kept");
        topics.publish(new AccountOpened(kept, "Kept Ltd", null, Segment.ENTERPRISE, null, JANUARY), JANUARY);
        topics.publish(new ContractValueChanged(kept, new BigDecimal("100000"), "EUR", JANUARY), JANUARY);
        topics.publish(new AccountOwnerAssigned(kept, owner, JANUARY), JANUARY);
        topics.publish(new InteractionLogged(kept, "i-1", Channel.MEETING, Direction.OUTBOUND, List.of(), List.of(),
                2, null, APRIL), APRIL);
        topics.publish(new SurveyAnswered(kept, "s-1", "c-1", SurveyKind.NPS, 10, APRIL), APRIL);
        topics.publish(new SurveyAnswered(kept, "s-2", "c-2", SurveyKind.NPS, 3, APRIL), APRIL);
        topics.publish(new SurveyAnswered(kept, "s-3", "c-1", SurveyKind.CSAT, 4, APRIL), APRIL);

        String churned = account("churned");
        topics.publish(new AccountOpened(churned, "Gone GmbH", null, Segment.SMB, null, JANUARY), JANUARY);
        topics.publish(new ContractValueChanged(churned, new BigDecimal("50000"), "EUR", JANUARY), JANUARY);
        topics.publish(new AccountOwnerAssigned(churned, owner, JANUARY), JANUARY);
        topics.publish(new AccountChurned(churned, ChurnReason.COMPETITOR, APRIL), APRIL);

        String troubled = account("troubled");
        topics.publish(new AccountOpened(troubled, "Trouble Inc", null, Segment.SMB, null, JANUARY), JANUARY);
        topics.publish(new AccountOwnerAssigned(troubled, owner, JANUARY), JANUARY);
        topics.publish(new TicketOpened(troubled, "t-1", Severity.HIGH, null, APRIL, APRIL), APRIL);
        topics.publish(new TicketSlaBreached(troubled, "t-1", APRIL, APRIL.plusSeconds(3600)),
                APRIL.plusSeconds(3600));
        topics.publish(new TicketOpened(troubled, "t-2", Severity.LOW, null, APRIL, APRIL), APRIL.plusSeconds(7200));
        topics.publish(new TicketResolved(troubled, "t-2", APRIL.plus(Duration.ofHours(6))),
                APRIL.plus(Duration.ofHours(6)));

        awaitHealth(kept, 7);
        awaitHealth(churned, 4);
        awaitHealth(troubled, 6);
    }

    @Test
    void computesChurnKpisPerOwner() {
        threeAccounts();

        JsonNode report = json(http.getForEntity("/kpis?from=2026-04-01&to=2026-07-01&groupBy=owner", String.class)
                .getBody());

        JsonNode mine = null;
        for (JsonNode group : report.path("groups")) {
            if (group.path("key").asText().equals(owner)) {
                mine = group;
            }
        }
        assertThat(mine).as("group of %s in %s", owner, report).isNotNull();
        assertThat(mine.path("accountsActiveAtStart").asInt()).isEqualTo(3);
        assertThat(mine.path("accountsChurned").asInt()).isEqualTo(1);
        assertThat(mine.path("churnRate").asDouble()).isEqualTo(0.3333);
        assertThat(mine.path("retentionRate").asDouble()).isEqualTo(0.6667);
        assertThat(mine.path("grossRevenueRetention").asDouble()).isEqualTo(0.6667);
        assertThat(mine.path("nps").asDouble()).isEqualTo(0.0);
        assertThat(mine.path("csat").asDouble()).isEqualTo(4.0);
        assertThat(mine.path("ticketsOpened").asInt()).isEqualTo(2);
        assertThat(mine.path("slaBreachRate").asDouble()).isEqualTo(0.5);
        assertThat(mine.path("averageResolutionHours").asDouble()).isEqualTo(6.0);
        assertThat(mine.path("p90ResolutionHours").asDouble()).isEqualTo(6.0);
        assertThat(mine.path("interactionsPerAccount").asDouble()).isEqualTo(0.3333);
        assertThat(report.path("groupBy").asText()).isEqualTo("OWNER");
    }

    @Test
    void listsAnOwnersAtRiskAccountsWithTheirReasonsButNotTheChurnedOrTheMerelyWatched() {
        threeAccounts();

        JsonNode atRisk = json(http.getForEntity("/accounts/at-risk?owner={owner}", String.class, owner).getBody());

        assertThat(atRisk).hasSize(1);
        assertThat(atRisk.get(0).path("accountId").asText()).isEqualTo(account("troubled"));
        assertThat(atRisk.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(atRisk.get(0).path("score").asDouble()).isLessThan(40);
        assertThat(atRisk.get(0).path("topReasons")).hasSize(3);
        assertThat(atRisk.get(0).path("topReasons").get(0).path("raw").asText()).isNotBlank();
        assertThat(json(http.getForEntity("/accounts/at-risk?owner={owner}&segment=smb", String.class, owner)
                .getBody())).hasSize(1);
        assertThat(json(http.getForEntity("/accounts/at-risk?owner={owner}&segment=ENTERPRISE", String.class, owner)
                .getBody())).isEmpty();
    }

    @Test
    void listsTheAtRiskAccountsAsTheyStoodAtAnEarlierInstant() {
        threeAccounts();

        JsonNode march = json(http.getForEntity("/accounts/at-risk?owner={owner}&asOf=2026-03-01", String.class,
                owner).getBody());
        JsonNode may = json(http.getForEntity("/accounts/at-risk?owner={owner}&asOf=2026-05-01", String.class,
                owner).getBody());

        assertThat(march).isEmpty();
        assertThat(may).hasSize(1);
        assertThat(may.get(0).path("accountId").asText()).isEqualTo(account("troubled"));
        assertProblem(http.getForEntity("/accounts/at-risk?asOf=someday", String.class), HttpStatus.BAD_REQUEST,
                "asOf");
    }

    @Test
    void refusesMalformedPeriodsAndGroupings() {
        assertProblem(http.getForEntity("/kpis?from=2026-07-01&to=2026-04-01", String.class), HttpStatus.BAD_REQUEST,
                "from");
        assertProblem(http.getForEntity("/kpis?from=2026-04-01&to=2026-04-01", String.class), HttpStatus.BAD_REQUEST,
                "from");
        assertProblem(http.getForEntity("/kpis?to=last-week", String.class), HttpStatus.BAD_REQUEST, "to");
        assertProblem(http.getForEntity("/kpis?groupBy=planet", String.class), HttpStatus.BAD_REQUEST, "groupBy");
    }
}
