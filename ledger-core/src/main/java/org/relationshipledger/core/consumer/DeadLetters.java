package org.relationshipledger.core.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * Parks records a consumer cannot process (undeserialisable, unknown revision, a failing handler after retries)
 * with the reason, so one poison record never stops the partition it sits in. Keyed by topic-partition-offset:
 * parking the same record twice keeps one entry.
 */
public final class DeadLetters {

    public static final String COLLECTION = "dead_letters";

    private final MongoCollection<Document> parked;
    private final Clock clock;

    public DeadLetters(MongoDatabase database, Clock clock) {
        this.parked = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public void park(String consumerGroup, ConsumerRecord<?, ?> record, Exception reason) {
        Document headers = new Document();
        for (Header header : record.headers()) {
            headers.append(header.key(), header.value() == null ? null : new String(header.value()));
        }
        Object value = record.value() instanceof byte[] bytes ? new Binary(bytes) : record.value();
        Throwable cause = reason.getCause() != null ? reason.getCause() : reason;
        Document entry = new Document("_id", record.topic() + "-" + record.partition() + "-" + record.offset())
                .append("group", consumerGroup)
                .append("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("key", record.key() == null ? null : record.key().toString())
                .append("headers", headers)
                .append("value", value)
                .append("reason", cause.toString())
                .append("parkedAt", Date.from(clock.instant()));
        parked.replaceOne(new Document("_id", entry.get("_id")), entry, new ReplaceOptions().upsert(true));
    }

    public List<Document> list(int limit) {
        return list(0, limit);
    }

    /** One page of the parked records, newest first: {@code limit} of them after the newest {@code skip}. */
    public List<Document> list(int skip, int limit) {
        return parked.find().sort(Sorts.descending("parkedAt", "_id")).skip(skip).limit(limit)
                .into(new ArrayList<>());
    }
}
