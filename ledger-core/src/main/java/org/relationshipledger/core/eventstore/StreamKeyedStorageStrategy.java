package org.relationshipledger.core.eventstore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Axon's document-per-event layout with one change: the document {@code _id} is derived from the stream and
 * sequence ({@link StoredEvents#id}). Every MongoDB-wire server indexes {@code _id}, so reading "event n of stream
 * s" — the predecessor's hash on every append, the relay's next events, and loading an aggregate — costs the same
 * at ten thousand and ten million stored events, and a second writer of the same position is refused by the
 * {@code _id} index as well as by Axon's (aggregate, sequence) index (ADR 0003).
 */
public final class StreamKeyedStorageStrategy extends DocumentPerEventStorageStrategy {

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer)
                .map(document -> document.append("_id",
                        StoredEvents.id(StoredEvents.streamId(document), StoredEvents.sequence(document))));
    }

    /**
     * A stream's events by their exact {@code _id}s, a batch at a time, instead of Axon's range on (aggregate,
     * sequence): mongo-java-server serves a compound index only for exact matches on every key, so the range scanned
     * the whole collection on every aggregate load (B6: 28.8 → 1.6 commands/s from 10k to 1M stored events). A stream
     * whose first event predates the {@code _id} layout is read the way Axon reads it.
     */
    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(MongoCollection<Document> collection,
                                                               String aggregateIdentifier, long firstSequenceNumber,
                                                               int batchSize) {
        List<String> ids = LongStream.range(firstSequenceNumber, firstSequenceNumber + Math.max(1, batchSize))
                .mapToObj(sequence -> StoredEvents.id(aggregateIdentifier, sequence)).toList();
        List<Document> found = collection.find(Filters.in("_id", ids)).into(new ArrayList<>());
        if (found.isEmpty()) {
            return super.findDomainEvents(collection, aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        found.sort(Comparator.comparingLong(StoredEvents::sequence));
        List<DomainEventData<?>> events = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document document : found) {
            if (StoredEvents.sequence(document) != expected) {
                break;
            }
            extractEvents(document).forEach(events::add);
            expected++;
        }
        return events;
    }
}
