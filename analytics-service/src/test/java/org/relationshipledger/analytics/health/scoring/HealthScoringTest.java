package org.relationshipledger.analytics.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.ContactEvent.ContactErased;
import org.relationshipledger.contracts.ContactEvent.ContactsMerged;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.InteractionRetracted;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;
import org.relationshipledger.contracts.EngagementEvent.HandoverDone;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.BuyingRoleAssigned;
import org.relationshipledger.contracts.MappingEvent.RelationshipChanged;
import org.relationshipledger.contracts.MappingEvent.RelationshipReason;
import org.relationshipledger.contracts.MappingEvent.RelationshipType;
import org.relationshipledger.contracts.MappingEvent.Stance;

class HealthScoringTest {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final String ACCOUNT = "acc-1";

    private final Recorder recorder = new Recorder(ACCOUNT);
    private Instant clock = NOW.minus(Duration.ofDays(200));

    private void record(org.relationshipledger.contracts.IntegrationEvent event) {
        clock = clock.plusSeconds(60);
        recorder.record(event, clock);
    }

    private HealthScore scoreNow() {
        return HealthScoring.asOf(recorder.history(), NOW, Models.standard());
    }

    private static ComponentScore component(HealthScore score, Component component) {
        return score.components().stream().filter(c -> c.component() == component).findFirst().orElseThrow();
    }

    private static InteractionLogged interaction(String id, Instant occurredAt, int sentiment) {
        return new InteractionLogged(ACCOUNT, id, Channel.MEETING, Direction.OUTBOUND, List.of(), List.of(),
                sentiment, null, occurredAt);
    }

    @Test
    void explainsEveryComponentAndThePointsSumToTheScore() {
        record(new AccountOpened(ACCOUNT, "Acme", null, Segment.ENTERPRISE, null, clock));
        record(interaction("i-1", NOW.minus(Duration.ofDays(3)), 2));
        record(new SurveyAnswered(ACCOUNT, "s-1", "c-1", SurveyKind.NPS, 10, clock));

        HealthScore score = scoreNow();

        assertThat(score.components()).extracting(ComponentScore::component).containsExactly(Component.values());
        BigDecimal sum = score.components().stream().map(c -> BigDecimal.valueOf(c.points()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.doubleValue()).isEqualTo(score.score());
        assertThat(score.components()).allSatisfy(c -> assertThat(c.raw()).isNotBlank());
        assertThat(component(score, Component.RECENCY).raw()).isEqualTo("3 days since the last interaction");
        assertThat(component(score, Component.RECENCY).points()).isEqualTo(15.0);
        assertThat(component(score, Component.NPS).raw()).isEqualTo("NPS +100 from 1 contacts");
        assertThat(score.modelVersion()).isEqualTo("test-default");
        assertThat(score.evaluatedAt()).isEqualTo(NOW);
    }

    @Test
    void aWellCoveredEngagedAccountIsHealthyAndASilentOneWithBreachesIsAtRisk() {
        record(new AccountOpened(ACCOUNT, "Acme", null, Segment.ENTERPRISE, null, clock));
        for (int i = 0; i < 12; i++) {
            record(interaction("i-" + i, NOW.minus(Duration.ofDays(2 + i)), 1));
        }
        record(new SurveyAnswered(ACCOUNT, "s-1", "c-1", SurveyKind.NPS, 10, clock));
        record(new SurveyAnswered(ACCOUNT, "s-2", "c-1", SurveyKind.CSAT, 5, clock));
        record(new BuyingRoleAssigned(ACCOUNT, "c-1", BuyingRole.DECISION_MAKER, Stance.ALLY, clock));
        record(new AffinityRated(ACCOUNT, "c-1", "tm-1", 5, null, clock));
        record(new AccountOwnerAssigned(ACCOUNT, "tm-1", clock));

        assertThat(scoreNow().score()).isEqualTo(100.0);
        assertThat(scoreNow().band()).isEqualTo(Band.HEALTHY);

        Recorder silent = new Recorder("acc-2");
        silent.record(new TicketOpened("acc-2", "t-1", Severity.HIGH, null, NOW, NOW.minusSeconds(600)),
                NOW.minusSeconds(600));
        silent.record(new TicketSlaBreached("acc-2", "t-1", NOW, NOW.minusSeconds(60)), NOW.minusSeconds(60));
        HealthScore atRisk = HealthScoring.asOf(silent.history(), NOW, Models.standard());
        assertThat(atRisk.band()).isEqualTo(Band.AT_RISK);
        assertThat(atRisk.topReasons(3)).extracting(ComponentScore::component)
                .containsExactly(Component.RECENCY, Component.COVERAGE, Component.FREQUENCY);
    }

    @Nested
    class Engagement {

        @Test
        void recencyFadesLinearlyBetweenFreshAndStale() {
            record(interaction("i-1", NOW.minus(Duration.ofDays(52)), 0));

            ComponentScore recency = component(scoreNow(), Component.RECENCY);

            assertThat(recency.value()).isEqualTo(0.5);
            assertThat(recency.points()).isEqualTo(7.5);
        }

        @Test
        void aRetractedInteractionNoLongerCounts() {
            record(interaction("i-1", NOW.minus(Duration.ofDays(1)), 2));
            record(new InteractionRetracted(ACCOUNT, "i-1", clock));

            HealthScore score = scoreNow();

            assertThat(component(score, Component.RECENCY).raw()).isEqualTo("no interaction logged");
            assertThat(component(score, Component.FREQUENCY).points()).isZero();
        }

        @Test
        void aCorrectionRepublishedUnderTheSameInteractionIdReplacesTheOriginal() {
            record(interaction("i-1", NOW.minus(Duration.ofDays(1)), -2));
            record(interaction("i-1", NOW.minus(Duration.ofDays(1)), 2));

            HealthScore score = scoreNow();

            assertThat(component(score, Component.FREQUENCY).raw()).startsWith("1 interactions");
            assertThat(component(score, Component.SENTIMENT).value()).isEqualTo(1.0);
        }

        @Test
        void sentimentIsTheNetShareOfPositiveOverNegativeTouchpoints() {
            record(interaction("i-1", NOW.minus(Duration.ofDays(1)), 2));
            record(interaction("i-2", NOW.minus(Duration.ofDays(2)), 1));
            record(interaction("i-3", NOW.minus(Duration.ofDays(3)), -2));
            record(interaction("i-4", NOW.minus(Duration.ofDays(4)), 0));
            record(interaction("i-5", NOW.minus(Duration.ofDays(200)), -2));

            ComponentScore sentiment = component(scoreNow(), Component.SENTIMENT);

            assertThat(sentiment.value()).isEqualTo(0.625);
            assertThat(sentiment.raw()).isEqualTo("2 positive, 1 negative of 4 recent interactions");
        }
    }

    @Nested
    class Surveys {

        @Test
        void npsCountsEachContactsLatestAnswer() {
            record(new SurveyAnswered(ACCOUNT, "s-1", "c-1", SurveyKind.NPS, 2, clock));
            record(new SurveyAnswered(ACCOUNT, "s-2", "c-1", SurveyKind.NPS, 10, clock));
            record(new SurveyAnswered(ACCOUNT, "s-3", "c-2", SurveyKind.NPS, 8, clock));

            ComponentScore nps = component(scoreNow(), Component.NPS);

            assertThat(nps.raw()).isEqualTo("NPS +50 from 2 contacts");
            assertThat(nps.value()).isEqualTo(0.75);
        }

        @Test
        void noAnswersAreNeutralRatherThanBad() {
            assertThat(component(scoreNow(), Component.CSAT).value()).isEqualTo(0.5);
        }
    }

    @Nested
    class Tickets {

        @Test
        void aBreachCostsUntilTheTicketIsResolved() {
            record(new TicketOpened(ACCOUNT, "t-1", Severity.LOW, null, NOW, clock));
            double open = component(scoreNow(), Component.TICKETS).points();
            record(new TicketSlaBreached(ACCOUNT, "t-1", NOW, clock));
            double breached = component(scoreNow(), Component.TICKETS).points();
            record(new TicketResolved(ACCOUNT, "t-1", clock));
            double resolved = component(scoreNow(), Component.TICKETS).points();

            assertThat(open).isEqualTo(13.5);
            assertThat(breached).isCloseTo(9.75, within(0.06));
            assertThat(resolved).isEqualTo(15.0);
        }
    }

    @Nested
    class Mapping {

        @Test
        void coverageCountsDecisionMakersOurPeopleKnowWell() {
            record(new BuyingRoleAssigned(ACCOUNT, "c-1", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, clock));
            record(new BuyingRoleAssigned(ACCOUNT, "c-2", BuyingRole.ECONOMIC_BUYER, Stance.NEUTRAL, clock));
            record(new AffinityRated(ACCOUNT, "c-1", "tm-1", 2, null, clock));
            record(new AffinityRated(ACCOUNT, "c-1", "tm-2", 4, null, clock));
            record(new AffinityRated(ACCOUNT, "c-2", "tm-1", 1, null, clock));

            ComponentScore coverage = component(scoreNow(), Component.COVERAGE);

            assertThat(coverage.value()).isEqualTo(0.5);
            assertThat(coverage.raw()).isEqualTo("1 of 2 decision makers known well (affinity ≥ 3)");
        }

        @Test
        void aMergeCarriesTheDuplicatesAffinityToTheSurvivorAndAnErasureForgetsTheContact() {
            record(new BuyingRoleAssigned(ACCOUNT, "c-1", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, clock));
            record(new AffinityRated(ACCOUNT, "c-dup", "tm-1", 5, null, clock));
            record(new ContactsMerged(ACCOUNT, "c-1", "c-dup", clock));

            assertThat(component(scoreNow(), Component.COVERAGE).value()).isEqualTo(1.0);

            record(new SurveyAnswered(ACCOUNT, "s-1", "c-1", SurveyKind.NPS, 10, clock));
            record(new ContactErased(ACCOUNT, "c-1", clock));

            HealthScore erased = scoreNow();
            assertThat(component(erased, Component.COVERAGE).raw()).isEqualTo("no decision maker or economic buyer mapped");
            assertThat(component(erased, Component.NPS).raw()).isEqualTo("NPS +100 from 1 contacts");
        }

        @Test
        void championsWeighAgainstBlockersAndHowHardTheyOppose() {
            record(new BuyingRoleAssigned(ACCOUNT, "c-1", BuyingRole.CHAMPION, Stance.ALLY, clock));
            record(new AffinityRated(ACCOUNT, "c-1", "tm-1", 2, null, clock));
            record(new BuyingRoleAssigned(ACCOUNT, "c-2", BuyingRole.BLOCKER, Stance.OPPONENT, clock));
            record(new RelationshipChanged(ACCOUNT, "c-2", "c-1", RelationshipType.OPPOSES, 5,
                    RelationshipReason.PAST_CONFLICT, null, clock));

            ComponentScore champions = component(scoreNow(), Component.CHAMPIONS);

            assertThat(champions.value()).isEqualTo(3.0 / 9);
        }
    }

    @Test
    void ownerChangesInTheWindowCostStabilityButTheFirstAssignmentDoesNot() {
        record(new AccountOwnerAssigned(ACCOUNT, "tm-1", NOW.minus(Duration.ofDays(10))));
        assertThat(component(scoreNow(), Component.OWNER_STABILITY).value()).isEqualTo(1.0);

        record(new HandoverDone(ACCOUNT, "tm-1", "tm-2", "note", List.of(), NOW.minus(Duration.ofDays(5))));
        assertThat(component(scoreNow(), Component.OWNER_STABILITY).value()).isEqualTo(0.5);
    }

    @Test
    void asOfIgnoresEverythingRecordedLater() {
        record(interaction("i-1", clock, 2));
        Instant then = clock;
        record(new TicketOpened(ACCOUNT, "t-1", Severity.LOW, null, NOW, clock));

        HealthScore past = HealthScoring.asOf(recorder.history(), then, Models.standard());

        assertThat(component(past, Component.TICKETS).raw()).isEqualTo("0 open tickets, 0 past their SLA");
        assertThat(component(scoreNow(), Component.TICKETS).raw()).isEqualTo("1 open tickets, 0 past their SLA");
    }

    @Test
    void historyEqualsAFoldAtEachInstant() {
        record(interaction("i-1", clock, 2));
        record(new TicketOpened(ACCOUNT, "t-1", Severity.LOW, null, NOW, clock.plusSeconds(3600)));
        List<Instant> instants = List.of(clock.minusSeconds(30), clock, clock.plus(Duration.ofDays(3)), NOW);

        List<HealthScore> series = HealthScoring.history(recorder.history(), instants, Models.standard());

        assertThat(series).hasSize(4);
        for (int i = 0; i < instants.size(); i++) {
            assertThat(series.get(i)).isEqualTo(HealthScoring.asOf(recorder.history(), instants.get(i),
                    Models.standard()));
        }
    }

    @Test
    void weightsAreScaledSoAPerfectAccountScoresAHundredUnderAnyModel() {
        ScoringModel doubled = Models.withWeights(new Weights(30.0, 20.0, 30.0, 20.0, 10.0, 30.0, 30.0, 20.0, 10.0));

        HealthScore standard = scoreNow();
        HealthScore scaled = HealthScoring.asOf(recorder.history(), NOW, doubled);

        assertThat(scaled.score()).isEqualTo(standard.score());
    }

    @Nested
    class ReferenceTime {

        /** Talks to us often, one ticket open, no decision maker mapped: healthy only while the talking lasts. */
        private HealthInputs engaged() {
            record(new AccountOpened(ACCOUNT, "Acme", null, Segment.ENTERPRISE, null, clock));
            for (int i = 0; i < 12; i++) {
                record(interaction("i-" + i, NOW.minus(Duration.ofDays(2 + i)), 1));
            }
            record(new TicketOpened(ACCOUNT, "t-0", Severity.LOW, null, NOW, clock));
            return AccountState.of(recorder.history()).healthInputs();
        }

        @Test
        void anAccountNobodyTouchesSlidesTowardsAtRiskAsTheReferenceTimeMovesOn() {
            HealthInputs inputs = engaged();

            HealthScore today = HealthScoring.score(inputs, NOW, Models.standard());
            HealthScore inTwoMonths = HealthScoring.score(inputs, NOW.plus(Duration.ofDays(60)), Models.standard());
            HealthScore inHalfAYear = HealthScoring.score(inputs, NOW.plus(Duration.ofDays(180)), Models.standard());

            assertThat(today.band()).isEqualTo(Band.HEALTHY);
            assertThat(inTwoMonths.score()).isLessThan(today.score());
            assertThat(inHalfAYear.score()).isLessThan(inTwoMonths.score());
            assertThat(inHalfAYear.band()).isEqualTo(Band.AT_RISK);
            assertThat(component(inHalfAYear, Component.RECENCY).raw()).isEqualTo("182 days since the last interaction");
            assertThat(component(inHalfAYear, Component.FREQUENCY).raw()).startsWith("0 interactions");
            assertThat(inHalfAYear.evaluatedAt()).isEqualTo(NOW.plus(Duration.ofDays(180)));
            assertThat(inHalfAYear.eventsFolded()).isEqualTo(today.eventsFolded());
            BigDecimal sum = inHalfAYear.components().stream().map(c -> BigDecimal.valueOf(c.points()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.doubleValue()).isEqualTo(inHalfAYear.score());
        }

        @Test
        void theStoredInputsScoreExactlyAsAFoldOfTheEventsAtTheSameReferenceTime() {
            HealthInputs inputs = engaged();
            record(new RelationshipChanged(ACCOUNT, "c-2", "c-1", RelationshipType.OPPOSES, 4,
                    RelationshipReason.PAST_CONFLICT, null, clock));
            record(new BuyingRoleAssigned(ACCOUNT, "c-2", BuyingRole.BLOCKER, Stance.OPPONENT, clock));
            record(new TicketOpened(ACCOUNT, "t-1", Severity.HIGH, null, NOW, clock));
            record(new SurveyAnswered(ACCOUNT, "s-1", "c-2", SurveyKind.NPS, 2, clock));
            HealthInputs later = AccountState.of(recorder.history()).healthInputs();

            for (Instant at : List.of(NOW, NOW.plus(Duration.ofDays(45)), NOW.plus(Duration.ofDays(400)))) {
                assertThat(HealthScoring.score(later, at, Models.standard()))
                        .isEqualTo(HealthScoring.asOf(recorder.history(), at, Models.standard()));
            }
            assertThat(HealthScoring.score(inputs, NOW, Models.standard()).score())
                    .isGreaterThan(HealthScoring.score(later, NOW, Models.standard()).score());
        }
    }
}
