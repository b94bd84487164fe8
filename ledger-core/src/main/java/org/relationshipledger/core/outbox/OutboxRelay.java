package org.relationshipledger.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.ChainValues;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.outbox.OutboxIntents.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every committed event of the service's event store to Kafka (DESIGN.md invariant 3, ADR 0003).
 * <p>
 * Work is found through the write-ahead intents, never through timestamps, so an event that committed late is
 * published like any other. Per stream, events go out in sequence order through one idempotent producer, keyed
 * by account id; a stream's cursor moves only past events whose every record the broker acknowledged. A crash
 * between acknowledgement and cursor update re-sends those events: delivery is at least once, and consumers
 * dedupe on (stream, sequence).
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Bounds one round's single read of stored events (the size of its {@code $in}). */
    private static final int MAX_EVENTS_PER_ROUND = 5_000;

    private final OutboxIntents intents;
    private final StoredEvents storedEvents;
    private final RelayLease lease;
    private final IntegrationEventTranslator translator;
    private final Supplier<Producer<String, byte[]>> producers;
    private final RelaySettings settings;
    private final RelayMetrics metrics;
    private final PublishListener listener;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);

    private Producer<String, byte[]> producer;
    private volatile boolean running;
    private boolean leading;
    private Thread worker;

    public OutboxRelay(OutboxIntents intents, StoredEvents storedEvents, RelayLease lease,
                       IntegrationEventTranslator translator, Supplier<Producer<String, byte[]>> producers,
                       RelaySettings settings, RelayMetrics metrics, PublishListener listener, Clock clock) {
        this.intents = intents;
        this.storedEvents = storedEvents;
        this.lease = lease;
        this.translator = translator;
        this.producers = producers;
        this.settings = settings;
        this.metrics = metrics;
        this.listener = listener;
        this.clock = clock;
    }

    /** Tells the relay that events were appended, so it does not wait for its next poll. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /** Stops after the current round, releases the lease and closes the producer. */
    public void stop() {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = worker;
        }
        wake();
        try {
            current.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lease.release();
        metrics.leaseHeld(false);
        closeProducer();
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            int published = 0;
            try {
                published = relayOnce();
            } catch (RuntimeException e) {
                metrics.failed();
                log.warn("relay round failed; unacknowledged events will be re-sent: {}", e.toString());
                closeProducer();
            }
            if (published == 0 && running) {
                try {
                    wakeUp.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One round: publish what is pending, if this replica holds the lease.
     *
     * @return the number of stored events published (acknowledged and recorded)
     */
    public int relayOnce() {
        boolean leader = lease.hold();
        if (leader != leading) {
            log.info(leader ? "relay lease acquired by {}; publishing" : "relay lease held elsewhere; {} stands by",
                    lease.owner());
            leading = leader;
        }
        metrics.leaseHeld(leader);
        if (!leader) {
            return 0;
        }
        Instant started = clock.instant();
        List<StreamBatch> batches = collect();
        if (batches.isEmpty() || !lease.stillHeld()) {
            return 0;
        }
        log.debug("publishing {} stream(s)", batches.size());
        Producer<String, byte[]> out = producer();
        List<StreamSend> sends = new ArrayList<>(batches.size());
        for (StreamBatch batch : batches) {
            try {
                sends.add(send(out, batch));
            } catch (RuntimeException e) {
                // A translation bug must not hold back other streams; this one stays pending and visible.
                metrics.failed();
                log.error("cannot publish stream {} from sequence {}", batch.streamId(), batch.first(), e);
            }
        }
        out.flush();
        int events = 0;
        long records = 0;
        RuntimeException failure = null;
        Map<String, Long> acknowledgedUpTo = new LinkedHashMap<>();
        for (StreamSend send : sends) {
            long acknowledged = -1;
            for (EventSend event : send.events()) {
                RuntimeException error = awaitAll(event.futures());
                if (error != null) {
                    failure = error;
                    break;
                }
                acknowledged = event.sequence();
                events++;
                records += event.futures().size();
            }
            if (acknowledged >= 0) {
                listener.acknowledged(send.streamId(), acknowledged);
                acknowledgedUpTo.put(send.streamId(), acknowledged);
            }
        }
        intents.markPublished(acknowledgedUpTo);
        metrics.published(events, records, Duration.between(started, clock.instant()));
        if (failure != null) {
            throw failure;
        }
        return events;
    }

    private List<StreamBatch> collect() {
        List<Intent> pending = intents.pending(settings.streamsPerRound());
        if (pending.isEmpty()) {
            metrics.backlog(0, null);
            return List.of();
        }
        Map<String, Long> published = intents.publishedUpTo(pending.stream().map(Intent::streamId).toList());
        Map<String, Long> firstByStream = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        long backlog = 0;
        Instant oldest = null;
        for (Intent intent : pending) {
            long first = published.getOrDefault(intent.streamId(), -1L) + 1;
            if (intent.claimedSequence() < first) {
                intents.markPublished(Map.of(intent.streamId(), first - 1));
                continue;
            }
            backlog += intent.claimedSequence() - first + 1;
            oldest = oldest == null || intent.since().isBefore(oldest) ? intent.since() : oldest;
            if (ids.size() < MAX_EVENTS_PER_ROUND) {
                long last = Math.min(intent.claimedSequence(), first + settings.eventsPerStream() - 1);
                for (long sequence = first; sequence <= last; sequence++) {
                    ids.add(StoredEvents.id(intent.streamId(), sequence));
                }
                firstByStream.put(intent.streamId(), first);
            }
        }
        metrics.backlog(backlog, oldest);
        // One read for the whole round: the events of every pending stream, by _id.
        Map<String, List<Document>> found = new HashMap<>();
        for (Document document : storedEvents.find(ids)) {
            found.computeIfAbsent(StoredEvents.streamId(document), stream -> new ArrayList<>()).add(document);
        }
        List<StreamBatch> batches = new ArrayList<>();
        firstByStream.forEach((stream, first) -> {
            List<Document> documents = found.get(stream);
            if (documents == null) {
                return; // claimed, not yet visible (or never written): nothing of this stream to send yet
            }
            documents.sort(Comparator.comparingLong(StoredEvents::sequence));
            List<Document> contiguous = contiguousFrom(first, documents);
            if (!contiguous.isEmpty()) {
                batches.add(new StreamBatch(stream, first, contiguous));
            }
        });
        return batches;
    }

    // Stop at the first gap: a claimed slot still being written (or abandoned) holds back what follows it.
    private static List<Document> contiguousFrom(long first, List<Document> found) {
        List<Document> contiguous = new ArrayList<>(found.size());
        long expected = first;
        for (Document document : found) {
            if (StoredEvents.sequence(document) != expected) {
                break;
            }
            contiguous.add(document);
            expected++;
        }
        return contiguous;
    }

    private StreamSend send(Producer<String, byte[]> out, StreamBatch batch) {
        List<EventSend> events = new ArrayList<>(batch.documents().size());
        for (DomainEventMessage<?> message : storedEvents.deserialize(batch.documents())) {
            List<Outbound> outbound = translator.translate(message);
            List<Future<RecordMetadata>> futures = new ArrayList<>(outbound.size());
            for (int index = 0; index < outbound.size(); index++) {
                Outbound record = outbound.get(index);
                futures.add(out.send(EnvelopeCodec.toRecord(record.topic(), record.key(),
                        envelope(message, record, index))));
            }
            events.add(new EventSend(message.getSequenceNumber(), futures));
        }
        return new StreamSend(batch.streamId(), events);
    }

    private LedgerEnvelope envelope(DomainEventMessage<?> message, Outbound record, int index) {
        Map<String, ?> metaData = message.getMetaData();
        Object tenant = metaData.get("tenantId");
        Object correlation = metaData.get("correlationId");
        return new LedgerEnvelope(
                index == 0 ? message.getIdentifier() : message.getIdentifier() + "/" + index,
                settings.source(),
                record.type(),
                record.revision(),
                message.getTimestamp(),
                record.accountId(),
                message.getAggregateIdentifier(),
                message.getType(),
                message.getSequenceNumber(),
                tenant == null ? settings.tenantOfAccount().apply(record.accountId()) : tenant.toString(),
                correlation == null ? null : correlation.toString(),
                (String) metaData.get(ChainValues.HASH),
                (String) metaData.get(ChainValues.PREVIOUS_HASH),
                record.payload() == null ? null : LedgerJson.write(record.payload()));
    }

    private static RuntimeException awaitAll(List<Future<RecordMetadata>> futures) {
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while awaiting acknowledgement", e);
            } catch (Exception e) {
                return new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
            }
        }
        return null;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    // After a failed send the idempotent producer's sequence state is suspect: start a fresh one.
    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing producer", e);
            }
            producer = null;
        }
    }

    private record StreamBatch(String streamId, long first, List<Document> documents) {
    }

    private record EventSend(long sequence, List<Future<RecordMetadata>> futures) {
    }

    private record StreamSend(String streamId, List<EventSend> events) {
    }
}
