package org.relationshipledger.core.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.relationshipledger.core.envelope.LedgerEnvelope;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;

/**
 * Makes a projection's update idempotent (DESIGN.md invariant 4) without transactions: the document being
 * updated remembers, per stream, the highest sequence it has applied, and the update is conditional on that
 * in the same single-document write. So "apply" and "remember" cannot be separated by a crash, and a redelivered
 * event — after a relay re-send or a consumer restart — changes nothing.
 * <p>
 * A projection that updates several documents per event guards each one; each is exactly-once on its own.
 * A projection that inserts one document per event should use the event id as {@code _id} instead.
 */
public final class ProjectionGuard {

    /** Field holding the applied positions: {@code {"<streamId>": <sequence>}}. */
    public static final String APPLIED = "_applied";

    private ProjectionGuard() {
    }

    /**
     * Applies {@code update} to the document {@code documentId} (creating it if absent) unless that document
     * has already applied this event's (stream, sequence) or a later one.
     *
     * @return true if applied now, false if it was a duplicate
     */
    public static boolean applyOnce(MongoCollection<Document> collection, Object documentId,
                                    LedgerEnvelope envelope, Bson update) {
        return applyOnce(collection, documentId, envelope.streamId(), envelope.sequence(), update);
    }

    public static boolean applyOnce(MongoCollection<Document> collection, Object documentId, String streamId,
                                    long sequence, Bson update) {
        String position = APPLIED + "." + fieldName(streamId);
        Bson notYetApplied = and(eq("_id", documentId), or(exists(position, false), lt(position, sequence)));
        try {
            UpdateResult result = collection.updateOne(notYetApplied, combine(update, set(position, sequence)),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            // The document exists but has seen this position: the upsert collided with its _id.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    // Field names may not contain '.' or start with '$'; stream ids are UUIDs, but stay safe for any id.
    static String fieldName(String streamId) {
        return streamId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
