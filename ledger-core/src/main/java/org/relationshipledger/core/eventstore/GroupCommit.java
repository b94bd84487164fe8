package org.relationshipledger.core.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Writes the appends of concurrent units of work together: one intent claim and one insert for every append waiting
 * while the previous batch was being written, instead of two round trips per append (B1: the intent upsert and the
 * insert were each a full driver round trip and together most of a command's CPU). Nobody waits for a batch to
 * fill: the first append writes at once, and whatever arrived meanwhile goes in the next batch.
 *
 * <p>Per batch, in this order: the intents of all its streams are claimed (ADR 0003's write-ahead mark; if that
 * fails, nothing of the batch is inserted), then all its documents are inserted in one ordered {@code insertMany}.
 * An append whose document is refused (a second writer of the same {@code _id}: a concurrency conflict) fails alone
 * with a {@link MongoBulkWriteException} naming only its own errors, which Axon's engine turns into a
 * {@code ConcurrencyException} as before; the appends after it in the batch are inserted by the next
 * {@code insertMany}. Ordered, so that an append's events after a refused one are never stored.
 */
final class GroupCommit {

    private final AppendIntents intents;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private List<Append> waiting = new ArrayList<>();
    private boolean writing;

    GroupCommit(AppendIntents intents) {
        this.intents = intents;
    }

    /** Claims and inserts {@code documents} (events of one unit of work) durably, or throws why not. */
    void append(MongoCollection<Document> collection, Map<String, Long> claims, List<Document> documents) {
        Append append = new Append(collection, claims, documents);
        List<Append> batch;
        lock.lock();
        try {
            waiting.add(append);
            while (writing && !append.done) {
                // Uninterruptibly: once a batch holds this append, its outcome must be waited for, not guessed.
                written.awaitUninterruptibly();
            }
            if (append.done) {
                append.outcome();
                return;
            }
            writing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        try {
            write(batch);
        } finally {
            lock.lock();
            try {
                batch.forEach(a -> a.done = true);
                writing = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
        append.outcome();
    }

    private void write(List<Append> batch) {
        try {
            Map<String, Long> claims = new HashMap<>();
            batch.forEach(a -> a.claims.forEach((stream, sequence) -> claims.merge(stream, sequence, Math::max)));
            intents.claim(claims);
        } catch (RuntimeException e) {
            batch.forEach(a -> a.failure = e);
            return;
        }
        // One collection per engine in practice; grouped anyway so that a batch never mixes collections.
        Map<MongoCollection<Document>, List<Append>> byCollection = new HashMap<>();
        batch.forEach(a -> byCollection.computeIfAbsent(a.collection, c -> new ArrayList<>()).add(a));
        byCollection.forEach(GroupCommit::insert);
    }

    private static void insert(MongoCollection<Document> collection, List<Append> appends) {
        int from = 0;
        while (from < appends.size()) {
            List<Append> rest = appends.subList(from, appends.size());
            List<Document> documents = new ArrayList<>();
            rest.forEach(a -> documents.addAll(a.documents));
            if (documents.isEmpty()) {
                return;
            }
            try {
                collection.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                // Ordered: everything before the first error is stored, nothing after it was tried.
                BulkWriteError first = e.getWriteErrors().getFirst();
                int end = 0;
                for (Append a : rest) {
                    from++;
                    int start = end;
                    end += a.documents.size();
                    if (first.getIndex() < end) {
                        a.failure = new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                                List.of(new BulkWriteError(first.getCode(), first.getMessage(), first.getDetails(),
                                        first.getIndex() - start)),
                                e.getWriteConcernError(), e.getServerAddress(), e.getErrorLabels());
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // Unknown which were stored: each of them fails, as its own insert would have; the intents cover them.
                rest.forEach(a -> a.failure = e);
                return;
            }
        }
    }

    private static final class Append {
        private final MongoCollection<Document> collection;
        private final Map<String, Long> claims;
        private final List<Document> documents;
        private boolean done;
        private RuntimeException failure;

        private Append(MongoCollection<Document> collection, Map<String, Long> claims, List<Document> documents) {
            this.collection = collection;
            this.claims = claims;
            this.documents = documents;
        }

        private void outcome() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
