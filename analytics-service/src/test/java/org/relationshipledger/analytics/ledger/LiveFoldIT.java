package org.relationshipledger.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.history.GeneratedHistories.ACCOUNT;
import static org.relationshipledger.analytics.history.GeneratedHistories.history;
import static org.relationshipledger.analytics.history.GeneratedHistories.redeliver;
import static org.relationshipledger.analytics.history.GeneratedHistories.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.analytics.health.scoring.Models;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.GeneratedHistories.Step;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.history.Recorder;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.testkit.Infrastructure;
import org.relationshipledger.testkit.RealInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The live path's held folds (ADR 0061) leave exactly the view a refold of the whole log leaves, on the real
 * MongoDB-wire server: for generated histories delivered at least once with topics interleaved, with two replicas
 * writing the same account, and over an index written before it was counted.
 */
class LiveFoldIT {

    private static final Generation FIRST = new Generation(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Infrastructure infrastructure = RealInfrastructure.get();
    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = infrastructure.mongoClient().getDatabase(infrastructure.uniqueDatabaseName("live-fold"));
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    static Stream<Long> seeds() {
        return new Random(20261124L).longs(40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void heldFoldsLeaveTheViewOfAWholeRefoldWhateverTheDeliveryOrder(long seed) {
        Random random = new Random(seed);
        List<Step> steps = history(random);
        Recorder recorder = replay(steps);
        List<RecordedEvent> delivered = redeliver(recorder.recorded(), random);
        AccountLedger ledger = ledger();

        delivered.forEach(event -> ledger.record(received(event)));

        assertThat(storedView()).as("seed %d, history %s", seed, steps)
                .isEqualTo(expectedView(ledger, recorder.recorded()));
        assertThat(ledger.foldsApplied() + ledger.refolds()).isLessThanOrEqualTo(delivered.size());
    }

    @Test
    void eventsArrivingInRecordedOrderAreAppliedWithoutRereadingTheLog() {
        List<RecordedEvent> events = longHistory();
        AccountLedger ledger = ledger();

        events.forEach(event -> ledger.record(received(event)));

        assertThat(ledger.refolds()).as("only the first event, of a cold account, is a refold").isEqualTo(1);
        assertThat(ledger.foldsApplied()).isEqualTo(events.size() - 1);
        assertThat(storedView()).isEqualTo(expectedView(ledger, events));
        assertThat(index().getInteger(AccountIndex.COUNT)).isEqualTo(events.size());
    }

    @Test
    void aRedeliveredEventChangesNothingAndCostsNoFold() {
        List<RecordedEvent> events = longHistory();
        AccountLedger ledger = ledger();
        events.forEach(event -> ledger.record(received(event)));
        long applied = ledger.foldsApplied();
        long refolds = ledger.refolds();

        ledger.record(received(events.get(events.size() / 2)));
        ledger.record(received(events.getLast()));

        assertThat(ledger.foldsApplied()).isEqualTo(applied);
        assertThat(ledger.refolds()).isEqualTo(refolds);
        assertThat(storedView()).isEqualTo(expectedView(ledger, events));
    }

    @Test
    void anEventRecordedBeforeTheLastOneFoldedIsARefold() {
        List<RecordedEvent> events = longHistory();
        AccountLedger ledger = ledger();
        List<RecordedEvent> early = new ArrayList<>(events);
        RecordedEvent late = early.remove(3);
        early.forEach(event -> ledger.record(received(event)));
        long refolds = ledger.refolds();

        ledger.record(received(late));

        assertThat(ledger.refolds()).isEqualTo(refolds + 1);
        assertThat(storedView()).isEqualTo(expectedView(ledger, events));
    }

    @Test
    void twoReplicasWritingTheSameAccountConvergeOnTheWholeFold() {
        List<RecordedEvent> events = longHistory();
        AccountLedger one = ledger();
        AccountLedger other = ledger();
        Random random = new Random(11);

        for (RecordedEvent event : events) {
            (random.nextBoolean() ? one : other).record(received(event));
        }

        assertThat(storedView()).isEqualTo(expectedView(one, events));
        assertThat(one.refolds() + other.refolds())
                .as("each replica refolds when the other wrote in between, so neither trusts a stale fold")
                .isGreaterThan(2);
    }

    @Test
    void anIndexWrittenWithoutACountIsCountedByTheNextRefold() {
        List<RecordedEvent> events = longHistory();
        AccountLedger ledger = ledger();
        List<RecordedEvent> before = events.subList(0, events.size() - 2);
        // What a replay's bulk load or an earlier version leaves: the log and an index of ids, no count, no fold held.
        ledger.insertLog(FIRST, before.stream().map(event -> AccountLedger.logEntry(received(event))).toList());
        ledger.addToIndex(FIRST, Map.of(ACCOUNT, before.stream().map(RecordedEvent::eventId).toList()));
        assertThat(index().containsKey(AccountIndex.COUNT)).isFalse();

        ledger.record(received(events.get(events.size() - 2)));
        assertThat(ledger.refolds()).isEqualTo(1);
        assertThat(index().getInteger(AccountIndex.COUNT)).isEqualTo(events.size() - 1);

        ledger.record(received(events.getLast()));
        assertThat(ledger.foldsApplied()).isEqualTo(1);
        assertThat(storedView()).isEqualTo(expectedView(ledger, events));
    }

    private List<RecordedEvent> longHistory() {
        for (long seed = 1; ; seed++) {
            Recorder recorder = replay(history(new Random(seed)));
            if (recorder.recorded().size() >= 20) {
                return recorder.recorded();
            }
        }
    }

    private AccountLedger ledger() {
        return new AccountLedger(database, Models.standard(), FIRST);
    }

    private Document index() {
        return database.getCollection(FIRST.index()).find(Filters.eq("_id", ACCOUNT)).first();
    }

    private JsonNode storedView() {
        return tree(database.getCollection(FIRST.views()).find(Filters.eq("_id", ACCOUNT)).first());
    }

    private static JsonNode expectedView(AccountLedger ledger, List<RecordedEvent> events) {
        Document expected = ledger.viewDocument(AccountHistory.of(ACCOUNT, events));
        assertThat(expected.get(ProjectionGuard.APPLIED, Document.class).get(AccountLedger.LOG_POSITION))
                .isEqualTo((long) events.size());
        return tree(expected);
    }

    private static JsonNode tree(Document document) {
        try {
            return JSON.readTree(document.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReceivedEvent received(RecordedEvent event) {
        LedgerEnvelope envelope = new LedgerEnvelope(event.eventId(), "/relationship-ledger/test", event.type(),
                event.revision(), event.recordedAt(), event.accountId(), event.streamId(), event.streamType(),
                event.sequence(), "default", null, event.hash(), event.previousHash(), LedgerJson.write(event.event()));
        return new ReceivedEvent("test", 0, event.sequence(), envelope, event.event());
    }
}
