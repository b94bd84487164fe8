package org.relationshipledger.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.envelope.LedgerEnvelope;

class AccountLedgerTest {

    private static LedgerEnvelope recorded(Instant at, String streamId, long sequence, String eventId) {
        return new LedgerEnvelope(eventId, "/relationship-ledger/test", "contacts.AccountOpened", 1, at, "acc-1",
                streamId, "Account", sequence, "default", null, "h", "p", "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void orderKeysSortAsRecordedTimeThenStreamThenSequenceThenEventId() {
        List<String> expected = List.of(
                AccountLedger.orderKey(recorded(Instant.parse("2026-01-01T00:00:00Z"), "Account-b", 9, "e-9")),
                AccountLedger.orderKey(recorded(Instant.parse("2026-01-01T00:00:00.000000001Z"), "Account-a", 0, "e")),
                AccountLedger.orderKey(recorded(Instant.parse("2026-01-01T00:00:01Z"), "Account-a", 2, "e-2")),
                AccountLedger.orderKey(recorded(Instant.parse("2026-01-01T00:00:01Z"), "Account-a", 10, "e-1")),
                AccountLedger.orderKey(recorded(Instant.parse("2026-01-01T00:00:01Z"), "Account-b", 1, "e-0")));

        List<String> sorted = new ArrayList<>(expected.reversed());
        sorted.sort(null);

        assertThat(sorted).isEqualTo(expected);
        assertThat(expected.get(3)).isEqualTo("%012d.%09d|%s|%019d|%s".formatted(
                Instant.parse("2026-01-01T00:00:01Z").getEpochSecond(), 0, "Account-a", 10, "e-1"));
    }

    @Test
    void readsPayloadsStoredAsBinaryAndAsTextAlike() {
        byte[] json = "{\"name\":\"Ä\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(AccountLedger.payload(new Document("payload", new Binary(json)))).isEqualTo(json);
        assertThat(AccountLedger.payload(new Document("payload", "{\"name\":\"Ä\"}"))).isEqualTo(json);
    }
}
