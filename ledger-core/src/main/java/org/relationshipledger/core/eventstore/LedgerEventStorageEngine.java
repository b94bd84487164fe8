package org.relationshipledger.core.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's Mongo storage engine plus the two things the ledger adds at write time: each event's hash-chain
 * values (invariant 7) go into its metadata before it is stored, and the outbox intents (invariant 3) are
 * claimed before the insert. Reads are the delegate's.
 */
public final class LedgerEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final StoredEvents storedEvents;
    private final AppendIntents intents;
    /** The last chain value appended here per stream, so the next append need not read it back (bounded LRU). */
    private final Map<String, Link> lastLinks = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > LAST_LINKS;
        }
    });

    private static final int LAST_LINKS = 10_000;

    private record Link(long sequence, String hash) {
    }

    public LedgerEventStorageEngine(EventStorageEngine delegate, Serializer serializer, StoredEvents storedEvents,
                                    AppendIntents intents) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.storedEvents = storedEvents;
        this.intents = intents;
    }

    /** Axon's Mongo engine with the ledger's document layout ({@link StreamKeyedStorageStrategy}). */
    public static MongoEventStorageEngine mongoEngine(MongoTemplate template, Serializer serializer,
                                                      EventUpcaster upcasters) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new StreamKeyedStorageStrategy())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(upcasters)
                .build();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, String> lastHashInBatch = new HashMap<>();
        Map<String, Long> highestSequence = new LinkedHashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalArgumentException("the ledger stores aggregate events only, got "
                        + event.getPayloadType().getName());
            }
            String stream = domainEvent.getAggregateIdentifier();
            String previous = lastHashInBatch.computeIfAbsent(stream,
                    id -> previousHash(id, domainEvent.getSequenceNumber()));
            SerializedObject<String> payload = domainEvent.serializePayload(serializer, String.class);
            String hash = HashChain.link(previous, bytesOf(domainEvent, payload),
                    ChainValues.coveredMetaData(domainEvent.getMetaData()));
            Map<String, Object> metaData = new HashMap<>(domainEvent.getMetaData());
            metaData.put(ChainValues.HASH, hash);
            metaData.put(ChainValues.PREVIOUS_HASH, previous);
            chained.add(new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), new SerializedOnce<>(domainEvent, metaData, serializer, payload),
                    domainEvent.getTimestamp()));
            lastHashInBatch.put(stream, hash);
            highestSequence.merge(stream, domainEvent.getSequenceNumber(), Math::max);
        }
        intents.claim(highestSequence);
        delegate.appendEvents(chained);
        // Only after the insert succeeded: a failed or conflicting append must not become the next one's link.
        highestSequence.forEach((stream, sequence) -> lastLinks.put(stream, new Link(sequence, lastHashInBatch.get(stream))));
        intents.appended();
    }

    private String previousHash(String stream, long sequence) {
        if (sequence == 0) {
            return HashChain.GENESIS;
        }
        // Valid only if it is the event right before this one: another replica may have appended since.
        Link last = lastLinks.get(stream);
        if (last != null && last.sequence() == sequence - 1) {
            return last.hash();
        }
        return storedEvents.find(stream, sequence - 1)
                .map(storedEvents::metaData)
                .map(metaData -> (String) metaData.get(ChainValues.HASH))
                .orElseThrow(() -> new IllegalStateException(
                        "stream " + stream + " has no stored event at " + (sequence - 1) + " to chain " + sequence + " to"));
    }

    // Must yield exactly what the storage strategy will write: same serializer, same representation.
    private static StoredEventBytes bytesOf(DomainEventMessage<?> event, SerializedObject<String> payload) {
        return new StoredEventBytes(
                event.getIdentifier(),
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getName(),
                payload.getType().getRevision(),
                payload.getData());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
