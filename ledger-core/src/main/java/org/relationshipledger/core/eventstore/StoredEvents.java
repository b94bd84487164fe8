package org.relationshipledger.core.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

/**
 * Read access to the raw documents of the Axon event collection, for the relay and the chain verifier.
 * Every lookup used on a hot path is an equality (or {@code $in}) on {@code _id}, which
 * {@link StreamKeyedStorageStrategy} derives from (stream, sequence): the one access path every MongoDB-wire
 * server indexes. (mongo-java-server scans for a compound key queried with {@code $in}.)
 */
public final class StoredEvents {

    private static final EventEntryConfiguration FIELDS = EventEntryConfiguration.getDefault();

    private final MongoCollection<Document> events;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public StoredEvents(MongoCollection<Document> events, Serializer serializer, EventUpcaster upcasters) {
        this.events = events;
        this.serializer = serializer;
        this.upcasters = upcasters == null ? NoOpEventUpcaster.INSTANCE : upcasters;
    }

    public MongoCollection<Document> collection() {
        return events;
    }

    /** The document id of event {@code sequence} of stream {@code streamId}. */
    public static String id(String streamId, long sequence) {
        return streamId + ":" + sequence;
    }

    public Optional<Document> find(String streamId, long sequence) {
        return Optional.ofNullable(events.find(key(streamId, sequence)).first());
    }

    /** The stored events of a stream from {@code first} to {@code last} inclusive that exist, in order. */
    public List<Document> find(String streamId, long first, long last) {
        List<String> ids = LongStream.rangeClosed(first, last).mapToObj(sequence -> id(streamId, sequence)).toList();
        List<Document> found = events.find(in("_id", ids)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(StoredEvents::sequence));
        return found;
    }

    /** The stored events among the given document ids ({@link #id}), in no particular order. */
    public List<Document> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return events.find(in("_id", ids)).into(new ArrayList<>());
    }

    /** Every stored event of a stream in sequence order; a scan, for audits rather than hot paths. */
    public List<Document> stream(String streamId) {
        return events.find(eq(FIELDS.aggregateIdentifierProperty(), streamId))
                .sort(Sorts.ascending(FIELDS.sequenceNumberProperty()))
                .into(new ArrayList<>());
    }

    public List<DomainEventMessage<?>> deserialize(List<Document> documents) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(documents.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(
                        documents.stream().map(document -> new EventEntry(document, FIELDS)), serializer, upcasters)
                .forEachRemaining(messages::add);
        return messages;
    }

    public Map<String, Object> metaData(Document document) {
        Object stored = document.get(FIELDS.metaDataProperty());
        @SuppressWarnings({"unchecked", "rawtypes"})
        MetaData metaData = (MetaData) serializer.deserialize(new SerializedMetaData(stored, stored.getClass()));
        return metaData == null ? Map.of() : new HashMap<>(metaData);
    }

    public static StoredEventBytes bytes(Document document) {
        Object payload = document.get(FIELDS.payloadProperty());
        if (!(payload instanceof String text)) {
            throw new IllegalStateException("expected a JSON text payload, found "
                    + (payload == null ? "none" : payload.getClass().getName()));
        }
        return new StoredEventBytes(
                document.getString(FIELDS.eventIdentifierProperty()),
                document.getString(FIELDS.typeProperty()),
                document.getString(FIELDS.aggregateIdentifierProperty()),
                sequence(document),
                document.getString(FIELDS.timestampProperty()),
                document.getString(FIELDS.payloadTypeProperty()),
                document.getString(FIELDS.payloadRevisionProperty()),
                text);
    }

    public static long sequence(Document document) {
        return ((Number) document.get(FIELDS.sequenceNumberProperty())).longValue();
    }

    public static String streamId(Document document) {
        return document.getString(FIELDS.aggregateIdentifierProperty());
    }

    public static Bson key(String streamId, long sequence) {
        return eq("_id", id(streamId, sequence));
    }
}
