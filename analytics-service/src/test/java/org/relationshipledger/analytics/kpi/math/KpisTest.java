package org.relationshipledger.analytics.kpi.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.analytics.kpi.math.KpiReport.KpiGroup;
import org.relationshipledger.contracts.AccountEvent.AccountChurned;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.AccountRenewed;
import org.relationshipledger.contracts.AccountEvent.ChurnReason;
import org.relationshipledger.contracts.AccountEvent.ContractValueChanged;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.HandoverDone;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;
import org.relationshipledger.contracts.IntegrationEvent;

class KpisTest {

    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant BEFORE = FROM.minus(Duration.ofDays(100));
    private static final Instant DURING = FROM.plus(Duration.ofDays(10));

    private final List<AccountFacts> accounts = new ArrayList<>();

    private void account(String id, IntegrationEvent... events) {
        Recorder recorder = new Recorder(id);
        Instant at = BEFORE;
        for (IntegrationEvent event : events) {
            at = at.plusSeconds(1);
            recorder.record(event, at);
        }
        accounts.add(AccountFacts.of(AccountState.of(recorder.history())));
    }

    private static AccountOpened opened(String id, Segment segment) {
        return new AccountOpened(id, id, null, segment, null, BEFORE);
    }

    private KpiGroup only(GroupBy groupBy) {
        KpiReport report = Kpis.compute(accounts, FROM, TO, groupBy);
        assertThat(report.groups()).hasSize(1);
        return report.groups().getFirst();
    }

    @Test
    void churnRateIsAccountsChurnedInThePeriodOverThoseActiveAtItsStart() {
        account("a", opened("a", Segment.SMB));
        account("b", opened("b", Segment.SMB));
        account("c", opened("c", Segment.SMB), new AccountChurned("c", ChurnReason.PRICE, DURING));
        account("d", opened("d", Segment.SMB), new AccountChurned("d", ChurnReason.PRICE, BEFORE.plusSeconds(9)));
        account("e", new AccountOpened("e", "e", null, Segment.SMB, null, DURING));

        KpiGroup all = only(GroupBy.NONE);

        assertThat(all.accountsActiveAtStart()).isEqualTo(3);
        assertThat(all.accountsChurned()).isEqualTo(1);
        assertThat(all.churnRate()).isEqualTo(0.3333);
        assertThat(all.retentionRate()).isEqualTo(0.6667);
    }

    @Test
    void grossRevenueRetentionCountsContractionAndChurnButNotExpansion() {
        account("a", opened("a", Segment.SMB), value("a", "100", BEFORE), value("a", "150", DURING));
        account("b", opened("b", Segment.SMB), value("b", "100", BEFORE),
                new AccountRenewed("b", java.time.LocalDate.parse("2027-05-01"), new BigDecimal("60"), "EUR", DURING));
        account("c", opened("c", Segment.SMB), value("c", "200", BEFORE),
                new AccountChurned("c", ChurnReason.COMPETITOR, DURING));

        assertThat(only(GroupBy.NONE).grossRevenueRetention()).isEqualTo(0.4);
    }

    @Test
    void surveysTicketsAndInteractionsOfThePeriod() {
        account("a", opened("a", Segment.SMB),
                new SurveyAnswered("a", "s1", "c1", SurveyKind.NPS, 10, DURING),
                new SurveyAnswered("a", "s2", "c2", SurveyKind.NPS, 9, DURING),
                new SurveyAnswered("a", "s3", "c3", SurveyKind.NPS, 3, DURING),
                new SurveyAnswered("a", "s4", "c4", SurveyKind.NPS, 7, DURING),
                new SurveyAnswered("a", "s5", "c4", SurveyKind.NPS, 0, BEFORE),
                new SurveyAnswered("a", "s6", "c1", SurveyKind.CSAT, 4, DURING),
                new SurveyAnswered("a", "s7", "c2", SurveyKind.CSAT, 5, DURING),
                new TicketOpened("a", "t1", Severity.LOW, null, DURING, DURING),
                new TicketResolved("a", "t1", DURING.plus(Duration.ofHours(2))),
                new TicketOpened("a", "t2", Severity.LOW, null, DURING, DURING),
                new TicketSlaBreached("a", "t2", DURING, DURING.plus(Duration.ofHours(1))),
                new TicketResolved("a", "t2", DURING.plus(Duration.ofHours(10))),
                interaction("a", "i1", DURING), interaction("a", "i2", DURING), interaction("a", "i3", BEFORE));
        account("b", opened("b", Segment.SMB), interaction("b", "i4", DURING));

        KpiGroup all = only(GroupBy.NONE);

        assertThat(all.nps()).isEqualTo(25.0);
        assertThat(all.npsAnswers()).isEqualTo(4);
        assertThat(all.csat()).isEqualTo(4.5);
        assertThat(all.ticketsResolved()).isEqualTo(2);
        assertThat(all.averageResolutionHours()).isEqualTo(6.0);
        assertThat(all.p90ResolutionHours()).isEqualTo(10.0);
        assertThat(all.slaBreachRate()).isEqualTo(0.5);
        assertThat(all.interactionsPerAccount()).isEqualTo(1.5);
    }

    @Test
    void groupsByTheOwnerAtTheStartForAccountsAndAtTheEventForSurveys() {
        account("a", opened("a", Segment.SMB), new AccountOwnerAssigned("a", "alice", BEFORE),
                new HandoverDone("a", "alice", "bob", "over to you", List.of(), DURING),
                new SurveyAnswered("a", "s1", "c1", SurveyKind.NPS, 10, DURING.plusSeconds(60)),
                new AccountChurned("a", ChurnReason.PRICE, DURING.plus(Duration.ofDays(1))));
        account("b", opened("b", Segment.ENTERPRISE), new AccountOwnerAssigned("b", "bob", BEFORE));

        KpiReport byOwner = Kpis.compute(accounts, FROM, TO, GroupBy.OWNER);
        KpiReport bySegment = Kpis.compute(accounts, FROM, TO, GroupBy.SEGMENT);

        assertThat(byOwner.groups()).extracting(KpiGroup::key).containsExactly("alice", "bob");
        assertThat(byOwner.groups().get(0).churnRate()).isEqualTo(1.0);
        assertThat(byOwner.groups().get(0).nps()).isNull();
        assertThat(byOwner.groups().get(1).churnRate()).isEqualTo(0.0);
        assertThat(byOwner.groups().get(1).nps()).isEqualTo(100.0);
        assertThat(bySegment.groups()).extracting(KpiGroup::key).containsExactly("ENTERPRISE", "SMB");
    }

    @Test
    void aPeriodWithoutDataHasNullRatherThanZeroKpis() {
        KpiGroup all = only(GroupBy.NONE);

        assertThat(all.key()).isEqualTo(Kpis.ALL);
        assertThat(all.churnRate()).isNull();
        assertThat(all.nps()).isNull();
        assertThat(all.p90ResolutionHours()).isNull();
    }

    @Test
    void refusesAnEmptyOrInvertedPeriod() {
        assertThatThrownBy(() -> Kpis.compute(accounts, TO, FROM, GroupBy.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ContractValueChanged value(String account, String value, Instant at) {
        return new ContractValueChanged(account, new BigDecimal(value), "EUR", at);
    }

    private static InteractionLogged interaction(String account, String id, Instant at) {
        return new InteractionLogged(account, id, Channel.EMAIL, Direction.OUTBOUND, List.of(), List.of(), 1, null, at);
    }
}
