package org.relationshipledger.analytics.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * The per-account index of the log: {@code {_id: accountId, eventIds: [...], n: <count>}}, where the event ids only
 * ever grow and {@code n}, when present, is the number of ids. Every write keeps that true in one atomic update:
 * the live append pushes an absent id and increments {@code n} together; a write that adds ids without counting
 * them (a replay's bulk load, a fallback) removes {@code n}; a refold puts it back only while the array still has
 * the size it folded. So a caller that added an id and was told {@code n} knows the index's exact size without
 * reading the array (ADR 0061).
 */
final class AccountIndex {

    static final String EVENT_IDS = "eventIds";
    static final String COUNT = "n";

    /**
     * What one append did.
     *
     * @param added whether this call added the id (false: it was there already)
     * @param size  the index's size just after this call, or -1 when it is not counted
     */
    record Appended(boolean added, int size) {

        /** The index is exactly a fold of {@code count} of its events plus the one this call added. */
        boolean follows(int count) {
            return added && size == count + 1;
        }

        /** The index holds exactly the {@code count} events a fold covers, this one among them. */
        boolean alreadyIn(int count) {
            return !added && size == count;
        }
    }

    private static final FindOneAndUpdateOptions COUNTED = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(COUNT));

    private AccountIndex() {
    }

    /**
     * Adds the id to the account's index.
     *
     * @param redelivered whether the log already held the event, so the id is most likely in the index too
     */
    static Appended append(MongoCollection<Document> index, String accountId, String eventId, boolean redelivered) {
        if (redelivered) {
            Appended present = present(index, accountId, eventId);
            if (present != null) {
                return present;
            }
        }
        Bson countedWithout = and(eq("_id", accountId), exists(COUNT), ne(EVENT_IDS, eventId));
        Bson pushAndCount = combine(push(EVENT_IDS, eventId), inc(COUNT, 1));
        Document counted = index.findOneAndUpdate(countedWithout, pushAndCount, COUNTED);
        if (counted != null) {
            return new Appended(true, counted.getInteger(COUNT));
        }
        try {
            index.insertOne(new Document("_id", accountId).append(EVENT_IDS, List.of(eventId)).append(COUNT, 1));
            return new Appended(true, 1);
        } catch (MongoWriteException e) {
            DuplicateKeys.rethrowUnlessDuplicate(e);
        }
        // The account was created meanwhile by someone else: try the counted append once more.
        counted = index.findOneAndUpdate(countedWithout, pushAndCount, COUNTED);
        if (counted != null) {
            return new Appended(true, counted.getInteger(COUNT));
        }
        Appended present = present(index, accountId, eventId);
        if (present != null) {
            return present;
        }
        // An index that is not counted: add the id, and keep it uncounted (a refold counted it meanwhile perhaps).
        index.updateOne(eq("_id", accountId), combine(addToSet(EVENT_IDS, eventId), unset(COUNT)));
        return new Appended(true, -1);
    }

    /** The id is in the index already: with its size then, when counted. Null when it is not there. */
    private static Appended present(MongoCollection<Document> index, String accountId, String eventId) {
        Document found = index.find(and(eq("_id", accountId), eq(EVENT_IDS, eventId)))
                .projection(Projections.include(COUNT)).first();
        return found == null ? null : new Appended(false, found.getInteger(COUNT, -1));
    }

    /** Counts the index again, if it still holds exactly the {@code size} ids a refold just read. */
    static void recount(MongoCollection<Document> index, String accountId, int size) {
        index.updateOne(and(eq("_id", accountId), size(EVENT_IDS, size), ne(COUNT, size)), set(COUNT, size));
    }

    /** A replay's bulk write: adds each account's ids and leaves the index uncounted, for a refold to count. */
    static void addAll(MongoCollection<Document> index, Map<String, List<String>> eventIdsByAccount) {
        if (eventIdsByAccount.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(eventIdsByAccount.size());
        eventIdsByAccount.forEach((accountId, eventIds) -> updates.add(new UpdateOneModel<>(eq("_id", accountId),
                combine(addEachToSet(EVENT_IDS, eventIds), unset(COUNT)), new UpdateOptions().upsert(true))));
        try {
            index.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Two upserts of one new _id raced (the live listener's and ours): the loser is retried as an update.
            for (BulkWriteError error : DuplicateKeys.onlyDuplicates(e)) {
                UpdateOneModel<Document> failed = updates.get(error.getIndex());
                index.updateOne(failed.getFilter(), failed.getUpdate(), failed.getOptions());
            }
        }
    }
}
