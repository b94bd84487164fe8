package org.relationshipledger.core.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.LedgerStoreFixture;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

@WithRealInfrastructure
class HashChainIT {

    private LedgerStoreFixture store;
    private String account;

    @BeforeEach
    void fiveStoredEvents() {
        store = new LedgerStoreFixture(RealInfrastructure.get());
        account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 5);
    }

    @Test
    void aStreamAsWrittenVerifies() {
        ChainVerification verification = store.verifier().verify(account, OptionalLong.of(4));

        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(5);
    }

    @Test
    void eachEventIsStoredUnderAnIdDerivedFromItsStreamAndSequence() {
        assertThat(store.storedEvents().stream(account)).extracting(d -> d.get("_id"))
                .containsExactly(account + ":0", account + ":1", account + ":2", account + ":3", account + ":4");
        assertThat(store.storedEvents().find(account, 1, 3)).extracting(StoredEvents::sequence)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void chainValuesAreStoredWithEachEventAndLinkToThePredecessor() {
        List<Document> stored = store.storedEvents().stream(account);

        assertThat(store.storedEvents().metaData(stored.getFirst()).get(ChainValues.PREVIOUS_HASH))
                .isEqualTo(HashChain.GENESIS);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(store.storedEvents().metaData(stored.get(i)).get(ChainValues.PREVIOUS_HASH))
                    .isEqualTo(store.storedEvents().metaData(stored.get(i - 1)).get(ChainValues.HASH));
        }
    }

    @Test
    void editingOneStoredPayloadIsReportedAtExactlyThatPosition() {
        events().updateOne(StoredEvents.key(account, 2),
                Updates.set("serializedPayload", StoredEvents.bytes(document(2)).payload().replace("1002", "9999")));

        ChainVerification verification = store.verifier().verify(account, OptionalLong.empty());

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(2);
        assertThat(verification.reason()).contains("altered");
    }

    @Test
    void editingTheRecordedTimeIsReported() {
        events().updateOne(StoredEvents.key(account, 3), Updates.set("timestamp", "2020-01-01T00:00:00Z"));

        assertThat(store.verifier().verify(account, OptionalLong.empty()).brokenAt()).isEqualTo(3);
    }

    @Test
    void deletingAnEventIsReportedWhereTheGapIs() {
        events().deleteOne(StoredEvents.key(account, 1));

        ChainVerification verification = store.verifier().verify(account, OptionalLong.empty());

        assertThat(verification.brokenAt()).isEqualTo(1);
        assertThat(verification.reason()).contains("missing");
    }

    @Test
    void swappingTwoEventsIsReportedAtTheFirstMovedPosition() {
        Document second = document(1);
        Document third = document(2);
        events().deleteMany(Filters.in("_id", second.get("_id"), third.get("_id")));
        second.remove("_id");
        third.remove("_id");
        second.put("sequenceNumber", 2L);
        third.put("sequenceNumber", 1L);
        events().insertMany(List.of(third, second));

        ChainVerification verification = store.verifier().verify(account, OptionalLong.empty());

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(1);
    }

    @Test
    void deletingTheNewestEventsIsReportedAgainstWhatWasPublished() {
        events().deleteOne(StoredEvents.key(account, 4));

        assertThat(store.verifier().verify(account, OptionalLong.empty()).intact()).isTrue();
        ChainVerification verification = store.verifier().verify(account, OptionalLong.of(4));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(4);
    }

    private MongoCollection<Document> events() {
        return store.storedEvents().collection();
    }

    private Document document(long sequence) {
        return store.storedEvents().find(account, sequence).orElseThrow();
    }
}
