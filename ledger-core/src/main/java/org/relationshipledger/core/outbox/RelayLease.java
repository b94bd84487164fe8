package org.relationshipledger.core.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;

/**
 * One relay per service publishes at a time: the holder renews a lease document; another replica takes it
 * over only after it expired. Exclusivity keeps Kafka free of needless duplicates; correctness does not
 * depend on it, because consumers dedupe on (stream, sequence).
 */
public final class RelayLease {

    public static final String COLLECTION = "outbox_leases";

    private final MongoCollection<Document> leases;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private Instant heldUntil = Instant.EPOCH;

    public RelayLease(MongoDatabase database, String name, String owner, Duration ttl, Clock clock) {
        this.leases = database.getCollection(COLLECTION);
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** True if this instance holds the lease now; renews it when a third of its time has passed. */
    public boolean hold() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil.minus(ttl.multipliedBy(2).dividedBy(3)))) {
            return true;
        }
        Instant until = now.plus(ttl);
        try {
            leases.updateOne(
                    and(eq("_id", name), or(eq("owner", owner), lt("expiresAt", Date.from(now)))),
                    combine(set("owner", owner), set("expiresAt", Date.from(until))),
                    new UpdateOptions().upsert(true));
            heldUntil = until;
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                heldUntil = Instant.EPOCH;
                return false;
            }
            throw e;
        }
    }

    /** Still safely inside the lease we last renewed (with a margin for clock drift and pauses). */
    public boolean stillHeld() {
        return clock.instant().isBefore(heldUntil.minus(ttl.dividedBy(4)));
    }

    public void release() {
        leases.deleteOne(and(eq("_id", name), eq("owner", owner)));
        heldUntil = Instant.EPOCH;
    }

    public String owner() {
        return owner;
    }
}
