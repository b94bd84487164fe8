package org.relationshipledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.OutboxIntents;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoDatabase;

/**
 * {@code ./ledger bench [all | B1 B3 B7 ...]}: runs the selected benchmarks on the in-process servers (or real
 * ones from {@code MONGODB_URI} / {@code KAFKA_BOOTSTRAP_SERVERS}), each beside its raw baseline measured in the
 * same run (FOOTPRINT: each service's own CPU and memory, in JVMs of their own), prints the table and writes
 * {@code bench/results/<date>.json} and {@code .md}. Never fails on a number. {@code -Dbench.seconds=N} sets each
 * measuring window (default 15). B4, B5 and B6 are not in {@code all}: name them.
 */
public final class Bench {

    private static final List<String> ALL = List.of("B1", "B2", "B7", "B3", "B8", "FOOTPRINT");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> selected = args.length == 0 || args[0].equalsIgnoreCase("all") ? Set.copyOf(ALL)
                : Arrays.stream(args).map(a -> a.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
        Path results = Path.of(System.getProperty("bench.results", "bench/results"));
        List<Figure> figures = new ArrayList<>();
        try (BenchInfrastructure infrastructure = BenchInfrastructure.start(System.getenv());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(BenchApplication.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.data.mongodb.uri=" + infrastructure.mongoUri(),
                             "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers())) {
            StoredEvents storedEvents = app.getBean(StoredEvents.class);
            if (selected.contains("B1") || selected.contains("B2")) {
                figures.addAll(new AppendBenchmarks(app.getBean(CommandGateway.class), storedEvents,
                        infrastructure.mongoUri(), measure).run());
            }
            if (selected.contains("B6")) {
                figures.addAll(new GrowthBenchmark(app.getBean(CommandGateway.class), storedEvents, measure).run());
            }
            if (selected.contains("B7")) {
                figures.addAll(new ChainBenchmarks(app.getBean(EventStorageEngine.class), app.getBean(Serializer.class),
                        storedEvents, app.getBean(ChainVerifier.class), infrastructure.mongoUri(), measure).run());
            }
            if (selected.contains("B3")) {
                figures.add(new RelayBenchmark(app.getBean(EventStorageEngine.class), app.getBean(OutboxIntents.class),
                        storedEvents, app.getBean(IntegrationEventTranslator.class),
                        app.getBean("ledgerDatabase", MongoDatabase.class), infrastructure.kafkaBootstrapServers()).run());
            }
            if (selected.contains("B8")) {
                figures.addAll(new MappingReadBenchmark(infrastructure.mongoUri(),
                        infrastructure.kafkaBootstrapServers(), measure).run());
            }
            if (selected.contains("B4")) {
                figures.addAll(new EndToEndBenchmark(infrastructure.mongoUri(), infrastructure.kafkaBootstrapServers(),
                        Duration.ofSeconds(Long.getLong("bench.b4.seconds", 40))).run());
            }
            if (selected.contains("FOOTPRINT")) {
                figures.addAll(new FootprintBenchmark(infrastructure.mongoUri(), infrastructure.kafkaBootstrapServers())
                        .run());
            }
            if (selected.contains("B5")) {
                figures.addAll(new ReplayBenchmark(infrastructure.mongoUri(), infrastructure.kafkaBootstrapServers(),
                        measure).run());
            }
            figures.add(Figure.absolute("RSS", "peak resident memory of the benchmark JVM (servers included)",
                    peakRssMegabytes(), "MB", "—", true, "VmHWM"));
            String machine = Report.machine(infrastructure.kind());
            System.out.println();
            System.out.println(Report.markdown(machine, figures));
            System.out.println("written: " + Report.write(results, machine, figures));
        }
        // Everything is closed; Axon's task janitor thread is not a daemon and would keep the JVM up.
        System.exit(0);
    }

    private static double peakRssMegabytes() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0)
                .findFirst().orElse(Double.NaN);
    }
}
