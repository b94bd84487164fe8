package org.relationshipledger.core.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.relationshipledger.core.eventstore.AppendIntents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * The relay's bookkeeping, kept beside the event store and never inside it (events are never updated):
 * <ul>
 *   <li>{@value #INTENTS}: one document per stream with unpublished events — its highest claimed sequence,
 *       written <em>before</em> the events are inserted and deleted once the relay has published up to it;</li>
 *   <li>{@value #CURSORS}: one document per stream — the highest sequence the broker acknowledged.</li>
 * </ul>
 * A claim whose insert then fails (a concurrency conflict, a crash) is harmless: the slot is filled by the
 * next successful append of that stream, and until then the relay only finds nothing to send.
 */
public final class OutboxIntents implements AppendIntents {

    public static final String INTENTS = "outbox_intents";
    public static final String CURSORS = "outbox_cursors";

    private final MongoCollection<Document> intents;
    private final MongoCollection<Document> cursors;
    private final Clock clock;
    private final Runnable onAppended;

    public OutboxIntents(MongoDatabase database, Clock clock, Runnable onAppended) {
        this.intents = database.getCollection(INTENTS);
        this.cursors = database.getCollection(CURSORS);
        this.clock = clock;
        this.onAppended = onAppended;
    }

    public record Intent(String streamId, long claimedSequence, Instant since) {
    }

    @Override
    public void claim(Map<String, Long> highestSequenceByStream) {
        Date now = Date.from(clock.instant());
        highestSequenceByStream.forEach((stream, sequence) -> intents.updateOne(eq("_id", stream),
                combine(max("claimedSeq", sequence), setOnInsert("since", now)),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public void appended() {
        onAppended.run();
    }

    public List<Intent> pending(int limit) {
        List<Intent> pending = new ArrayList<>();
        for (Document document : intents.find().limit(limit)) {
            pending.add(new Intent(document.getString("_id"), ((Number) document.get("claimedSeq")).longValue(),
                    document.getDate("since").toInstant()));
        }
        return pending;
    }

    /** Highest published sequence per stream; streams never published are absent. */
    public Map<String, Long> publishedUpTo(List<String> streamIds) {
        Map<String, Long> published = new HashMap<>();
        if (streamIds.isEmpty()) {
            return published;
        }
        for (Document document : cursors.find(in("_id", streamIds))) {
            published.put(document.getString("_id"), ((Number) document.get("publishedSeq")).longValue());
        }
        return published;
    }

    /** Records, for each stream, that the broker acknowledged it up to the given sequence: two bulk writes. */
    public void markPublished(Map<String, Long> publishedUpTo) {
        if (publishedUpTo.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> cursorUpdates = new ArrayList<>(publishedUpTo.size());
        List<DeleteOneModel<Document>> intentDeletes = new ArrayList<>(publishedUpTo.size());
        publishedUpTo.forEach((stream, sequence) -> {
            cursorUpdates.add(new UpdateOneModel<>(eq("_id", stream), max("publishedSeq", sequence),
                    new UpdateOptions().upsert(true)));
            // Only when nothing newer was claimed meanwhile; a later claim keeps the intent alive.
            intentDeletes.add(new DeleteOneModel<>(and(eq("_id", stream), lte("claimedSeq", sequence))));
        });
        // Cursor before intent: stopping in between leaves an intent that only causes a harmless re-send.
        cursors.bulkWrite(cursorUpdates, new BulkWriteOptions().ordered(false));
        intents.bulkWrite(intentDeletes, new BulkWriteOptions().ordered(false));
    }
}
