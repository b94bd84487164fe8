package org.relationshipledger.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.AccountEvent.AccountChurned;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.ChurnReason;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;

class AccountHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ordersByRecordedTimeWhateverTheArrivalOrderAndDropsRedeliveries() {
        Recorder recorder = new Recorder("acc-1");
        RecordedEvent opened = recorder.record(new AccountOpened("acc-1", "Acme", null, Segment.SMB, null, T0), T0);
        RecordedEvent resolved = recorder.record(new TicketResolved("acc-1", "t-1", T0), T0.plusSeconds(5));
        RecordedEvent churned = recorder.record(new AccountChurned("acc-1", ChurnReason.PRICE, T0), T0.plusSeconds(9));
        List<RecordedEvent> arrival = new ArrayList<>(List.of(churned, opened, resolved, opened, churned));
        Collections.reverse(arrival);

        AccountHistory history = AccountHistory.of("acc-1", arrival);

        assertThat(history.events()).containsExactly(opened, resolved, churned);
        assertThat(history.upTo(T0.plusSeconds(5)).events()).containsExactly(opened, resolved);
        assertThat(history.upTo(T0.minusSeconds(1)).isEmpty()).isTrue();
        assertThat(history.lastRecordedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void refusesAnEventOfAnotherAccount() {
        RecordedEvent foreign = new Recorder("acc-2")
                .record(new AccountOpened("acc-2", "Other", null, Segment.SMB, null, T0), T0);

        assertThatThrownBy(() -> AccountHistory.of("acc-1", List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acc-2");
    }
}
