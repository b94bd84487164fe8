package org.relationshipledger.analytics.whatif.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.health.scoring.Band;
import org.relationshipledger.analytics.health.scoring.Models;
import org.relationshipledger.analytics.health.scoring.ScoringModel;
import org.relationshipledger.analytics.health.scoring.Weights;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;

class ModelComparisonTest {

    private static final Instant DAY_1 = Instant.parse("2026-02-01T00:00:00Z");

    private static AccountHistory breachedOnDay(String accountId, int day) {
        Recorder recorder = new Recorder(accountId);
        recorder.record(new AccountOpened(accountId, "Name of " + accountId, null, Segment.SMB, null, DAY_1), DAY_1);
        recorder.record(new AccountOwnerAssigned(accountId, "alice", DAY_1), DAY_1.plusSeconds(1));
        Instant breach = DAY_1.plus(Duration.ofDays(day));
        recorder.record(new TicketOpened(accountId, "t-1", Severity.HIGH, null, breach, breach), breach);
        recorder.record(new TicketSlaBreached(accountId, "t-1", breach, breach.plusSeconds(1)), breach.plusSeconds(1));
        return recorder.history();
    }

    @Test
    void comparesBothModelsAtEveryInstantAndSummarisesWhoseBandChanges() {
        ScoringModel ticketsOnly = Models.withWeights(new Weights(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0));
        List<AccountHistory> histories = List.of(breachedOnDay("acc-a", 2), breachedOnDay("acc-b", 20));

        WhatIfReport report = ModelComparison.compare(histories, DAY_1.minus(Duration.ofDays(1)),
                DAY_1.plus(Duration.ofDays(4)), Duration.ofDays(1), Models.standard(), ticketsOnly);

        WhatIfReport.AccountComparison a = report.accounts().getFirst();
        assertThat(a.name()).isEqualTo("Name of acc-a");
        assertThat(a.owner()).isEqualTo("alice");
        assertThat(a.points()).extracting(WhatIfReport.Point::at)
                .containsExactly(DAY_1, DAY_1.plus(Duration.ofDays(1)), DAY_1.plus(Duration.ofDays(2)),
                        DAY_1.plus(Duration.ofDays(3)), DAY_1.plus(Duration.ofDays(4)));
        assertThat(a.points().getFirst().proposed().band()).isEqualTo(Band.WATCH);
        assertThat(a.points().getLast().proposed().band()).isEqualTo(Band.AT_RISK);
        assertThat(a.points().getLast().current().band()).isEqualTo(Band.AT_RISK);
        assertThat(report.summary().atRiskAtEndProposed()).containsExactly("acc-a");
        assertThat(report.summary().everAtRiskProposed()).containsExactly("acc-a");
        assertThat(report.summary().newlyAtRisk()).isEmpty();
        assertThat(report.proposedModel()).isEqualTo(ticketsOnly);
    }
}
