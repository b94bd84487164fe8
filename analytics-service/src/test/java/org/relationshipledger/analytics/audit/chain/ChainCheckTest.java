package org.relationshipledger.analytics.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;

class ChainCheckTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private final Recorder recorder = new Recorder("acc-1");

    private List<RecordedEvent> fiveEngagementsAndTwoMappings() {
        for (int i = 0; i < 5; i++) {
            recorder.record(new TicketResolved("acc-1", "t-" + i, T0), T0.plusSeconds(i));
        }
        recorder.record(new AffinityRated("acc-1", "c-1", "tm-1", 3, null, T0), T0.plusSeconds(10));
        recorder.record(new AffinityRated("acc-1", "c-1", "tm-1", 4, null, T0), T0.plusSeconds(11));
        return new ArrayList<>(recorder.recorded());
    }

    @Test
    void anUnbrokenChainVerifiesPerStream() {
        List<StreamVerification> result = ChainCheck.verify(fiveEngagementsAndTwoMappings());

        assertThat(result).extracting(StreamVerification::streamId, StreamVerification::eventsChecked,
                        StreamVerification::intact)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Engagement-acc-1", 5, true),
                        org.assertj.core.groups.Tuple.tuple("Mapping-acc-1", 2, true));
    }

    @Test
    void reportsTheFirstMissingSequence() {
        List<RecordedEvent> events = fiveEngagementsAndTwoMappings();
        events.remove(2);

        StreamVerification engagement = ChainCheck.verify(events).getFirst();

        assertThat(engagement.intact()).isFalse();
        assertThat(engagement.brokenAt()).isEqualTo(2);
        assertThat(engagement.eventsChecked()).isEqualTo(2);
        assertThat(engagement.reason()).startsWith("sequence 2 was not received");
        assertThat(ChainCheck.verify(events).get(1).intact()).isTrue();
    }

    @Test
    void reportsAnEventWhosePreviousHashDoesNotLink() {
        List<RecordedEvent> events = fiveEngagementsAndTwoMappings();
        RecordedEvent third = events.get(3);
        events.set(3, new RecordedEvent(third.eventId(), third.type(), third.revision(), third.recordedAt(),
                third.streamId(), third.streamType(), third.sequence(), third.hash(), "f".repeat(64), third.event()));

        StreamVerification engagement = ChainCheck.verify(events).getFirst();

        assertThat(engagement.brokenAt()).isEqualTo(3);
        assertThat(engagement.reason()).contains("does not match the hash of sequence 2");
    }

    @Test
    void reportsAStreamThatDoesNotStartAtGenesis() {
        List<RecordedEvent> events = fiveEngagementsAndTwoMappings();
        RecordedEvent first = events.getFirst();
        events.set(0, new RecordedEvent(first.eventId(), first.type(), first.revision(), first.recordedAt(),
                first.streamId(), first.streamType(), 0, first.hash(), "1".repeat(64), first.event()));

        assertThat(ChainCheck.verify(events).getFirst().brokenAt()).isZero();
    }

    @Test
    void acceptsRecordsFannedOutFromOneStoredEvent() {
        List<RecordedEvent> events = fiveEngagementsAndTwoMappings();
        RecordedEvent second = events.get(1);
        events.add(new RecordedEvent(second.eventId() + "/1", second.type(), second.revision(), second.recordedAt(),
                second.streamId(), second.streamType(), second.sequence(), second.hash(), second.previousHash(),
                second.event()));

        StreamVerification engagement = ChainCheck.verify(events).getFirst();

        assertThat(engagement.intact()).isTrue();
        assertThat(engagement.eventsChecked()).isEqualTo(5);
    }

    @Test
    void reportsTwoDifferentEventsAtOnePosition() {
        List<RecordedEvent> events = fiveEngagementsAndTwoMappings();
        RecordedEvent second = events.get(1);
        events.add(new RecordedEvent("another-id", second.type(), second.revision(), second.recordedAt(),
                second.streamId(), second.streamType(), second.sequence(), "a".repeat(64), second.previousHash(),
                second.event()));

        StreamVerification engagement = ChainCheck.verify(events).getFirst();

        assertThat(engagement.intact()).isFalse();
        assertThat(engagement.brokenAt()).isEqualTo(1);
    }
}
