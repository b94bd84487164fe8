package org.relationshipledger.core.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
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
            String hash = HashChain.link(previous, bytesOf(domainEvent),
                    ChainValues.coveredMetaData(domainEvent.getMetaData()));
            chained.add(domainEvent.andMetaData(Map.of(ChainValues.HASH, hash, ChainValues.PREVIOUS_HASH, previous)));
            lastHashInBatch.put(stream, hash);
            highestSequence.merge(stream, domainEvent.getSequenceNumber(), Math::max);
        }
        intents.claim(highestSequence);
        delegate.appendEvents(chained);
        intents.appended();
    }

    private String previousHash(String stream, long sequence) {
        if (sequence == 0) {
            return HashChain.GENESIS;
        }
        return storedEvents.find(stream, sequence - 1)
                .map(storedEvents::metaData)
                .map(metaData -> (String) metaData.get(ChainValues.HASH))
                .orElseThrow(() -> new IllegalStateException(
                        "stream " + stream + " has no stored event at " + (sequence - 1) + " to chain " + sequence + " to"));
    }

    // Must yield exactly what the storage strategy will write: same serializer, same representation.
    private StoredEventBytes bytesOf(DomainEventMessage<?> event) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
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
