package org.relationshipledger.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.relationshipledger.core.eventstore.StoredEvents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * B6: does appending get dearer as the store grows? B1's measurement (8 client threads, one event per command)
 * at 10,000, 100,000 and 1,000,000 stored events ({@code -Dbench.growth.sizes}), twice at each size: commands that
 * open new account streams, and commands that append to one of {@value #EXISTING} streams opened before the first
 * size (each is event-sourced from the store to decide). Between sizes the store is grown with ready-made
 * documents: copies of a real stored {@code Opened} event, each a one-event stream of its own with a new stream id,
 * event id and {@code _id = "<stream>:0"}, written by the raw driver into the same collection, so every index the
 * engine created covers them as it covers real appends. Only the event collection grows; outbox intents do not.
 */
final class GrowthBenchmark {

    private static final int THREADS = 8;
    private static final int EXISTING = 500;
    private static final int BATCH = 1_000;

    private final CommandGateway commands;
    private final StoredEvents storedEvents;
    private final Duration measure;
    private final List<String> existing = new ArrayList<>();

    GrowthBenchmark(CommandGateway commands, StoredEvents storedEvents, Duration measure) {
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        long[] sizes = Arrays.stream(System.getProperty("bench.growth.sizes", "10000,100000,1000000").split(","))
                .mapToLong(size -> Long.parseLong(size.trim())).sorted().toArray();
        for (int i = 0; i < EXISTING; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new BenchAccount.OpenBenchAccount(id, "Existing " + i, "Logistics"));
            existing.add(id);
        }
        Load.throughput(THREADS, Duration.ofSeconds(3), this::open); // warm-up: JIT, pools
        Load.throughput(THREADS, Duration.ofSeconds(3), this::change);
        MongoCollection<Document> events = storedEvents.collection();
        Document template = events.find(Filters.eq("aggregateIdentifier", existing.getFirst())).first();
        List<Figure> figures = new ArrayList<>();
        double firstFresh = Double.NaN;
        double firstExisting = Double.NaN;
        for (long size : sizes) {
            long grownBy = grow(events, template, size);
            long stored = events.countDocuments();
            long sumBefore = events.countDocuments(Filters.in("aggregateIdentifier", existing));
            double fresh = Load.throughput(THREADS, measure, this::open);
            double appended = Load.throughput(THREADS, measure, this::change);
            if (Double.isNaN(firstFresh)) {
                firstFresh = fresh;
                firstExisting = appended;
            }
            String label = label(size);
            String note = String.format(Locale.ROOT, "%,d stored events when measured (%,d ready-made added);"
                    + " existing streams averaged %.1f events", stored, grownBy, sumBefore / (double) EXISTING);
            figures.add(Figure.of("B6-" + label, "B1, new streams, at " + label + " stored events", fresh,
                    "events/s", firstFresh, "the same at " + label(sizes[0]), "ratio ≥ 0.8 at 1M", true, 0.8, note));
            figures.add(Figure.of("B6-" + label + "-existing", "B1, appending to " + EXISTING
                            + " existing streams, at " + label + " stored events", appended, "events/s",
                    firstExisting, "the same at " + label(sizes[0]), "ratio ≥ 0.8 at 1M", true, 0.8, note));
            System.out.printf(Locale.ROOT, "B6: %s stored: new streams %.0f/s, existing streams %.0f/s%n", label,
                    fresh, appended);
        }
        return figures;
    }

    /** Adds one-event streams shaped like a real one until the collection holds {@code size} events. */
    private static long grow(MongoCollection<Document> events, Document template, long size) {
        long missing = size - events.countDocuments();
        long added = 0;
        long begin = System.nanoTime();
        while (added < missing) {
            int count = (int) Math.min(BATCH, missing - added);
            List<Document> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String stream = UUID.randomUUID().toString();
                Document copy = new Document(template);
                copy.put("_id", StoredEvents.id(stream, 0));
                copy.put("aggregateIdentifier", stream);
                copy.put("eventIdentifier", UUID.randomUUID().toString());
                copy.put("sequenceNumber", 0L);
                batch.add(copy);
            }
            events.insertMany(batch);
            added += count;
        }
        if (added > 0) {
            System.out.printf(Locale.ROOT, "B6: %,d ready-made events added in %.1f s%n", added,
                    (System.nanoTime() - begin) / 1e9);
        }
        return Math.max(0, added);
    }

    private static String label(long size) {
        return size >= 1_000_000 && size % 1_000_000 == 0 ? size / 1_000_000 + "M"
                : size >= 1_000 && size % 1_000 == 0 ? size / 1_000 + "k" : Long.toString(size);
    }

    private void open(long index) {
        commands.sendAndWait(new BenchAccount.OpenBenchAccount(UUID.randomUUID().toString(), "Account " + index,
                "Logistics"));
    }

    private void change(long index) {
        commands.sendAndWait(new BenchAccount.ChangeBenchValue(
                existing.get(ThreadLocalRandom.current().nextInt(existing.size())), BigDecimal.valueOf(index)));
    }
}
