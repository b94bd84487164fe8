package org.relationshipledger.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.relationshipledger.core.eventstore.StoredEvents;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * B1: commands per second, one event appended per command (each opens a new account stream), against the raw
 * driver inserting documents of the same size into the same server. B2: p99 at half of B1's rate, against the
 * raw driver's p99 at the same rate. Also CPU-seconds per 1,000 commands.
 */
final class AppendBenchmarks {

    private static final int THREADS = 8;

    private final CommandGateway commands;
    private final StoredEvents storedEvents;
    private final String mongoUri;
    private final Duration measure;

    AppendBenchmarks(CommandGateway commands, StoredEvents storedEvents, String mongoUri, Duration measure) {
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.mongoUri = mongoUri;
        this.measure = measure;
    }

    List<Figure> run() throws Exception {
        // Warm-up: JIT, pools, collections. 3 s was too short on a loaded machine: the command path has far more code
        // to compile than a bare insertOne, so part of the ledger's window ran before C2 had caught up.
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 10));
        Load.throughput(THREADS, warmUp, this::command);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> raw = client.getDatabase("bench_raw").getCollection("rawevents");
            Document template = storedEvents.collection().find().first();
            template.remove("_id");
            Load.throughput(THREADS, warmUp, i -> raw.insertOne(copyOf(template)));

            long cpuBefore = processCpuNanos();
            long storedBefore = storedEvents.collection().countDocuments();
            double ledgerRate = Load.throughput(THREADS, measure, this::command);
            long appended = storedEvents.collection().countDocuments() - storedBefore;
            double cpuPerThousand = (processCpuNanos() - cpuBefore) / 1e9 / appended * 1000;
            long rawCpuBefore = processCpuNanos();
            long rawBefore = raw.countDocuments();
            double rawRate = Load.throughput(THREADS, measure, i -> raw.insertOne(copyOf(template)));
            double rawCpuPerThousand = (processCpuNanos() - rawCpuBefore) / 1e9 / (raw.countDocuments() - rawBefore)
                    * 1000;

            double rate = ledgerRate / 2;
            Histogram ledgerLatency = Load.latencyAtRate(THREADS, rate, measure, this::command);
            Histogram rawLatency = Load.latencyAtRate(THREADS, rate, measure, i -> raw.insertOne(copyOf(template)));
            double ledgerP99 = ledgerLatency.getValueAtPercentile(99) / 1000.0;
            double rawP99 = rawLatency.getValueAtPercentile(99) / 1000.0;

            return List.of(
                    Figure.of("B1", "command → event appended (8 threads, 1 event per command)", ledgerRate,
                            "events/s", rawRate, "raw driver insertOne, same document size, same server",
                            "ratio ≥ 0.5", true, 0.5, "document size " + template.toJson().length() + " bytes"),
                    Figure.of("B2", "append p99 at 50 % of B1's rate (" + Math.round(rate) + "/s)", ledgerP99, "ms",
                            rawP99, "raw insertOne p99 at the same rate", "ratio ≤ 2", false, 2.0,
                            "p50 " + ms(ledgerLatency, 50) + " ms vs raw " + ms(rawLatency, 50) + " ms; p99.9 "
                                    + ms(ledgerLatency, 99.9) + " ms vs raw " + ms(rawLatency, 99.9) + " ms"),
                    Figure.absolute("CPU", "CPU-seconds per 1,000 commands (whole process, servers included)",
                            cpuPerThousand, "CPU-s", "—", true, appended + " commands measured; raw insertOne "
                                    + String.format("%.3f", rawCpuPerThousand) + " CPU-s per 1,000 (ratio "
                                    + String.format("%.1f", cpuPerThousand / rawCpuPerThousand) + ")"));
        }
    }

    private void command(long index) {
        commands.sendAndWait(new BenchAccount.OpenBenchAccount(UUID.randomUUID().toString(), "Account " + index,
                "Logistics"));
    }

    private static Document copyOf(Document template) {
        Document copy = new Document(template);
        copy.put("eventIdentifier", UUID.randomUUID().toString());
        copy.put("aggregateIdentifier", UUID.randomUUID().toString());
        return copy;
    }

    private static String ms(Histogram histogram, double percentile) {
        return String.format("%.2f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
