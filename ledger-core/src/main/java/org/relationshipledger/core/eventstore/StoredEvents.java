package org.relationshipledger.core.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /**
     * Ids per {@code $in}: mongo-java-server matches every document an index found against the whole query again,
     * so one {@code $in} of n ids costs n x n comparisons (a round of 5,000 took ~0.4 s). Real MongoDB does not
     * care either way.
     */
    private static final int IDS_PER_QUERY = 250;

    private final MongoCollection<Document> events;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final CurrentRevisions current;

    public StoredEvents(MongoCollection<Document> events, Serializer serializer, EventUpcaster upcasters) {
        this.events = events;
        this.serializer = serializer;
        this.upcasters = upcasters == null ? NoOpEventUpcaster.INSTANCE : upcasters;
        this.current = serializer instanceof WireNameSerializer wire
                && wire.delegate() instanceof JacksonSerializer jackson ? new CurrentRevisions(wire, jackson) : null;
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
        List<Document> found = new ArrayList<>(ids.size());
        List<String> all = ids instanceof List<String> list ? list : List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            events.find(in("_id", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))).into(found);
        }
        return found;
    }

    /** Every stored event of a stream in sequence order; a scan, for audits rather than hot paths. */
    public List<Document> stream(String streamId) {
        return events.find(eq(FIELDS.aggregateIdentifierProperty(), streamId))
                .sort(Sorts.ascending(FIELDS.sequenceNumberProperty()))
                .into(new ArrayList<>());
    }

    /**
     * The stored events as messages, upcast where needed. When every document is stored at its type's current
     * revision — upcasters only ever raise a revision (ADR 0004) — each is read straight into its class, skipping
     * the upcaster chain and Axon's per-event metadata deserialiser (most of the relay's CPU, ADR 0062).
     */
    public List<DomainEventMessage<?>> deserialize(List<Document> documents) {
        List<DomainEventMessage<?>> direct = current == null ? null : current.read(documents);
        if (direct != null) {
            return direct;
        }
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

    /** Reads documents stored at their type's current revision with one cached Jackson reader per type. */
    private static final class CurrentRevisions {

        private final WireNameSerializer wire;
        private final JacksonSerializer jackson;
        private final ObjectReader metaData;
        private final Map<String, Map<String, Optional<ObjectReader>>> readers = new ConcurrentHashMap<>();

        CurrentRevisions(WireNameSerializer wire, JacksonSerializer jackson) {
            this.wire = wire;
            this.jackson = jackson;
            this.metaData = jackson.getObjectMapper().readerFor(new TypeReference<Map<String, Object>>() { });
        }

        /** @return the messages, or null if any document needs the upcaster chain (or is not plain JSON text) */
        List<DomainEventMessage<?>> read(List<Document> documents) {
            List<ObjectReader> payloadReaders = new ArrayList<>(documents.size());
            for (Document document : documents) {
                ObjectReader reader = payloadReader(document.getString(FIELDS.payloadTypeProperty()),
                        document.getString(FIELDS.payloadRevisionProperty()));
                if (reader == null || !(document.get(FIELDS.payloadProperty()) instanceof String)
                        || !(document.get(FIELDS.metaDataProperty()) instanceof String)) {
                    return null;
                }
                payloadReaders.add(reader);
            }
            List<DomainEventMessage<?>> messages = new ArrayList<>(documents.size());
            for (int index = 0; index < documents.size(); index++) {
                Document document = documents.get(index);
                String identifier = document.getString(FIELDS.eventIdentifierProperty());
                try {
                    Object payload = payloadReaders.get(index).readValue(document.getString(FIELDS.payloadProperty()));
                    Map<String, Object> meta = metaData.readValue(document.getString(FIELDS.metaDataProperty()));
                    messages.add(new GenericDomainEventMessage<>(document.getString(FIELDS.typeProperty()),
                            streamId(document), sequence(document), payload, meta == null ? Map.of() : meta,
                            identifier, DateTimeUtils.parseInstant(document.getString(FIELDS.timestampProperty()))));
                } catch (IOException e) {
                    throw new SerializationException("stored event " + identifier + " does not parse", e);
                }
            }
            return messages;
        }

        private ObjectReader payloadReader(String type, String revision) {
            if (type == null) {
                return null;
            }
            return readers.computeIfAbsent(type, name -> new ConcurrentHashMap<>())
                    .computeIfAbsent(revision == null ? "" : revision, stored -> {
                        Class<?> payloadType = wire.registeredClass(type);
                        if (payloadType == null
                                || !stored.equals(wire.typeForClass(payloadType).getRevision())) {
                            return Optional.empty();
                        }
                        return Optional.of(jackson.getObjectMapper().readerFor(payloadType));
                    }).orElse(null);
        }
    }
}
