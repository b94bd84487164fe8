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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    private ExecutorService reader;
    private volatile boolean running;
    private boolean leading;
    private Thread worker;
    /** The next round, read while the previous one was sent; only the thread calling {@link #relayOnce} uses it. */
    private Round readAhead;

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

    /** Stops after the current round, releases the lease (if it was running) and closes the producer. */
    public void stop() {
        Thread current;
        synchronized (this) {
            current = running ? worker : null;
            running = false;
        }
        if (current != null) {
            wake();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lease.release();
            metrics.leaseHeld(false);
        }
        synchronized (this) {
            if (reader != null) {
                reader.shutdown();
                reader = null;
            }
        }
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
     * <p>
     * Rounds are pipelined (ADR 0062): while this round's records are sent and acknowledged, a reader thread
     * reads and translates the next round, starting each stream after the last event this round sends. The next
     * round is used only if this one succeeded completely; after any failure it is dropped and the next round
     * reads from the acknowledged cursors again. Rounds are acknowledged one after the other, in order, and this
     * method returns only once the read-ahead has finished, so nothing of the relay runs between two calls.
     *
     * @return the number of stored events published (acknowledged and recorded)
     */
    public int relayOnce() {
        boolean leader = lease.hold();
        if (leader != leading) {
            log.info(leader ? "relay lease acquired by {}; publishing" : "relay lease held elsewhere; {} stands by",
                    lease.owner());
            leading = leader;
            readAhead = null;
        }
        metrics.leaseHeld(leader);
        if (!leader) {
            return 0;
        }
        Instant started = clock.instant();
        Round round = readAhead == null || readAhead.isEmpty() ? prepare(Map.of()) : readAhead;
        readAhead = null;
        metrics.backlog(round.backlog(), round.oldest());
        if (round.isEmpty() || !lease.stillHeld()) {
            return 0;
        }
        log.debug("publishing {} stream(s)", round.streams().size());
        Map<String, Long> sending = round.lastSequences();
        Future<Round> next = reader().submit(() -> prepare(sending));
        boolean succeeded = false;
        try {
            int events = publish(round, started);
            succeeded = true;
            return events;
        } finally {
            Round prepared = readAheadOf(next);
            // Read on the assumption that this round succeeds: after any failure it must not be sent.
            readAhead = succeeded ? prepared : null;
        }
    }

    private int publish(Round round, Instant started) {
        Producer<String, byte[]> out = producer();
        List<StreamSend> sends = new ArrayList<>(round.streams().size());
        RuntimeException failure = null;
        for (StreamRecords stream : round.streams()) {
            try {
                sends.add(send(out, stream));
            } catch (RuntimeException e) {
                // The read-ahead already continues this stream after these events: the whole round must fail.
                metrics.failed();
                log.error("cannot send stream {} from sequence {}", stream.streamId(), stream.first(), e);
                failure = e;
                break;
            }
        }
        out.flush();
        int events = 0;
        long records = 0;
        Map<String, Long> acknowledgedUpTo = new LinkedHashMap<>();
        for (StreamSend send : sends) {
            long acknowledged = -1;
            for (EventSend event : send.events()) {
                RuntimeException error = awaitAll(event.futures());
                if (error != null) {
                    failure = failure == null ? error : failure;
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

    private Round readAheadOf(Future<Round> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // The next round reads again in the relay thread, where a persisting error counts as a failure.
            log.debug("reading ahead failed", e.getCause());
            return null;
        }
    }

    /**
     * Reads and translates a round: the pending events of up to {@code streamsPerRound} streams, each from its
     * acknowledged cursor or, for a stream the round in flight sends, from after its last event there.
     */
    private Round prepare(Map<String, Long> inFlight) {
        List<Intent> pending = intents.pending(settings.streamsPerRound() + inFlight.size());
        if (pending.isEmpty()) {
            return Round.NONE;
        }
        Map<String, Long> published = intents.publishedUpTo(pending.stream().map(Intent::streamId).toList());
        Map<String, Long> firstByStream = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        long backlog = 0;
        Instant oldest = null;
        for (Intent intent : pending) {
            long cursor = published.getOrDefault(intent.streamId(), -1L);
            if (intent.claimedSequence() <= cursor) {
                intents.markPublished(Map.of(intent.streamId(), cursor));
                continue;
            }
            backlog += intent.claimedSequence() - cursor;
            oldest = oldest == null || intent.since().isBefore(oldest) ? intent.since() : oldest;
            long first = Math.max(cursor, inFlight.getOrDefault(intent.streamId(), -1L)) + 1;
            if (intent.claimedSequence() >= first && firstByStream.size() < settings.streamsPerRound()
                    && ids.size() < MAX_EVENTS_PER_ROUND) {
                long last = Math.min(intent.claimedSequence(), first + settings.eventsPerStream() - 1);
                for (long sequence = first; sequence <= last; sequence++) {
                    ids.add(StoredEvents.id(intent.streamId(), sequence));
                }
                firstByStream.put(intent.streamId(), first);
            }
        }
        // One read for the whole round: the events of every pending stream, by _id.
        Map<String, List<Document>> found = new HashMap<>();
        for (Document document : storedEvents.find(ids)) {
            found.computeIfAbsent(StoredEvents.streamId(document), stream -> new ArrayList<>()).add(document);
        }
        List<StreamRecords> streams = new ArrayList<>();
        for (Map.Entry<String, Long> entry : firstByStream.entrySet()) {
            List<Document> documents = found.get(entry.getKey());
            if (documents == null) {
                continue; // claimed, not yet visible (or never written): nothing of this stream to send yet
            }
            documents.sort(Comparator.comparingLong(StoredEvents::sequence));
            List<Document> contiguous = contiguousFrom(entry.getValue(), documents);
            if (contiguous.isEmpty()) {
                continue;
            }
            try {
                streams.add(translate(entry.getKey(), entry.getValue(), contiguous));
            } catch (RuntimeException e) {
                // A translation bug must not hold back other streams; this one stays pending and visible.
                metrics.failed();
                log.error("cannot publish stream {} from sequence {}", entry.getKey(), entry.getValue(), e);
            }
        }
        return new Round(streams, backlog, oldest);
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

    private StreamRecords translate(String streamId, long first, List<Document> documents) {
        List<EventRecords> events = new ArrayList<>(documents.size());
        for (DomainEventMessage<?> message : storedEvents.deserialize(documents)) {
            List<Outbound> outbound = translator.translate(message);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(outbound.size());
            for (int index = 0; index < outbound.size(); index++) {
                Outbound record = outbound.get(index);
                records.add(EnvelopeCodec.toRecord(record.topic(), record.key(), envelope(message, record, index)));
            }
            events.add(new EventRecords(message.getSequenceNumber(), records));
        }
        return new StreamRecords(streamId, first, events);
    }

    private static StreamSend send(Producer<String, byte[]> out, StreamRecords stream) {
        List<EventSend> events = new ArrayList<>(stream.events().size());
        for (EventRecords event : stream.events()) {
            List<Future<RecordMetadata>> futures = new ArrayList<>(event.records().size());
            for (ProducerRecord<String, byte[]> record : event.records()) {
                futures.add(out.send(record));
            }
            events.add(new EventSend(event.sequence(), futures));
        }
        return new StreamSend(stream.streamId(), events);
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

    private synchronized ExecutorService reader() {
        if (reader == null) {
            reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-relay-reader").daemon()
                    .factory());
        }
        return reader;
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

    /** A round read and translated, ready to send; {@code backlog} and {@code oldest} are what it saw pending. */
    private record Round(List<StreamRecords> streams, long backlog, Instant oldest) {

        static final Round NONE = new Round(List.of(), 0, null);

        boolean isEmpty() {
            return streams.isEmpty();
        }

        Map<String, Long> lastSequences() {
            Map<String, Long> last = new HashMap<>();
            for (StreamRecords stream : streams) {
                last.put(stream.streamId(), stream.first() + stream.events().size() - 1);
            }
            return last;
        }
    }

    private record StreamRecords(String streamId, long first, List<EventRecords> events) {
    }

    private record EventRecords(long sequence, List<ProducerRecord<String, byte[]>> records) {
    }

    private record EventSend(long sequence, List<Future<RecordMetadata>> futures) {
    }

    private record StreamSend(String streamId, List<EventSend> events) {
    }
}
