package org.relationshipledger.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.testkit.Infrastructure;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

@WithRealInfrastructure
class ProjectionGuardIT {

    private MongoCollection<Document> counts;

    @BeforeEach
    void freshCollection() {
        Infrastructure infrastructure = RealInfrastructure.get();
        counts = infrastructure.mongoClient().getDatabase(infrastructure.uniqueDatabaseName("guard"))
                .getCollection("counts");
    }

    @Test
    void appliesEachStreamPositionOnceHoweverOftenItIsDelivered() {
        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 0, Updates.inc("n", 1))).isTrue();
        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 0, Updates.inc("n", 1))).isFalse();
        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 1, Updates.inc("n", 1))).isTrue();
        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 1, Updates.inc("n", 1))).isFalse();

        assertThat(count("account-1")).isEqualTo(2);
    }

    @Test
    void ignoresAnOlderPositionDeliveredAfterANewerOne() {
        ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 0, Updates.inc("n", 1));
        ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 1, Updates.inc("n", 1));

        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 0, Updates.inc("n", 1))).isFalse();
        assertThat(count("account-1")).isEqualTo(2);
    }

    @Test
    void keepsPositionsPerStreamSoStreamsFeedingOneDocumentDoNotShadowEachOther() {
        ProjectionGuard.applyOnce(counts, "account-1", "stream-a", 5, Updates.inc("n", 1));

        assertThat(ProjectionGuard.applyOnce(counts, "account-1", "stream-b", 0, Updates.inc("n", 1))).isTrue();
        assertThat(count("account-1")).isEqualTo(2);
    }

    @Test
    void acceptsStreamIdsThatAreNotValidFieldNames() {
        assertThat(ProjectionGuard.applyOnce(counts, "account-2", "odd.id$x", 0, Updates.inc("n", 1))).isTrue();
        assertThat(ProjectionGuard.applyOnce(counts, "account-2", "odd.id$x", 0, Updates.inc("n", 1))).isFalse();
        assertThat(count("account-2")).isEqualTo(1);
    }

    private int count(String id) {
        return counts.find(Filters.eq("_id", id)).first().getInteger("n");
    }
}
