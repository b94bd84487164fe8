package org.relationshipledger.analytics.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.history.GeneratedHistories.ACCOUNT;
import static org.relationshipledger.analytics.history.GeneratedHistories.CONTACTS;
import static org.relationshipledger.analytics.history.GeneratedHistories.NOW;
import static org.relationshipledger.analytics.history.GeneratedHistories.between;
import static org.relationshipledger.analytics.history.GeneratedHistories.history;
import static org.relationshipledger.analytics.history.GeneratedHistories.interaction;
import static org.relationshipledger.analytics.history.GeneratedHistories.redeliver;
import static org.relationshipledger.analytics.history.GeneratedHistories.replay;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.GeneratedHistories.Step;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;

/**
 * The behaviour the issue asks of the score, over generated account histories. Each case is a seed, so a failure
 * names the seed that reproduces it (ADR 0007: seeded JUnit properties rather than jqwik).
 */
class HealthScoringPropertiesTest {


    /**
     * Fixed seeds spread over all longs: for small consecutive seeds the first draws of {@link Random} are
     * correlated.
     */
    static Stream<Long> seeds300() {
        return new Random(20261123L).longs(300).boxed();
    }

    static Stream<Long> seeds200() {
        return seeds300().limit(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void aNewPositiveInteractionNeverLowersTheScore(long seed) {
        Random random = new Random(seed);
        List<Step> history = history(random);
        int sentiment = between(random, 1, 2);
        int daysAgo = between(random, 0, 200);
        Recorder recorder = replay(history);
        double before = score(recorder);

        recorder.record(interaction("i-new", sentiment, NOW.minus(Duration.ofDays(daysAgo))), NOW);

        assertThat(score(recorder))
                .as("seed %d, history %s, sentiment %d, %d days ago", seed, history, sentiment, daysAgo)
                .isGreaterThanOrEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void aDetractorNpsNeverRaisesTheScore(long seed) {
        Random random = new Random(seed);
        List<Step> history = history(random);
        int detractorScore = between(random, 0, 6);
        int contact = between(random, 0, 4);
        Recorder recorder = replay(history);
        double before = score(recorder);

        String contactId = contact < CONTACTS.size() ? CONTACTS.get(contact) : "c-new";
        recorder.record(new SurveyAnswered(ACCOUNT, "s-new", contactId, SurveyKind.NPS, detractorScore, NOW), NOW);

        assertThat(score(recorder))
                .as("seed %d, history %s, NPS %d from %s", seed, history, detractorScore, contactId)
                .isLessThanOrEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void aBreachedTicketLowersTheScoreUntilItIsResolved(long seed) {
        List<Step> history = history(new Random(seed));
        String input = "seed " + seed + ", history " + history;
        Recorder open = replay(history);
        open.record(new TicketOpened(ACCOUNT, "t-new", Severity.HIGH, null, NOW, NOW.minusSeconds(30)),
                NOW.minusSeconds(30));
        Recorder breached = replay(history);
        breached.record(new TicketOpened(ACCOUNT, "t-new", Severity.HIGH, null, NOW, NOW.minusSeconds(30)),
                NOW.minusSeconds(30));
        breached.record(new TicketSlaBreached(ACCOUNT, "t-new", NOW, NOW.minusSeconds(20)), NOW.minusSeconds(20));

        assertThat(score(breached)).as(input).isLessThan(score(open));

        open.record(new TicketResolved(ACCOUNT, "t-new", NOW.minusSeconds(10)), NOW.minusSeconds(10));
        breached.record(new TicketResolved(ACCOUNT, "t-new", NOW.minusSeconds(10)), NOW.minusSeconds(10));
        assertThat(score(breached)).as(input).isEqualTo(score(open));
    }

    /** At-least-once delivery, as {@link org.relationshipledger.analytics.history.GeneratedHistories#redeliver}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void theSameEventsGiveTheSameScoreInAnyRedeliveryOrderThatKeepsPerTopicOrder(long seed) {
        Random random = new Random(seed);
        List<Step> history = history(random);
        Recorder recorder = replay(history);
        List<RecordedEvent> delivered = redeliver(recorder.recorded(), random);

        HealthScore original = HealthScoring.asOf(recorder.history(), NOW, Models.standard());
        HealthScore redelivered = HealthScoring.asOf(AccountHistory.of(ACCOUNT, delivered), NOW, Models.standard());

        assertThat(redelivered).as("seed %d, history %s, delivered %s", seed, history,
                        delivered.stream().map(e -> e.streamType() + "#" + e.sequence()).toList())
                .isEqualTo(original);
    }

    private static double score(Recorder recorder) {
        return HealthScoring.asOf(recorder.history(), NOW, Models.standard()).score();
    }
}
