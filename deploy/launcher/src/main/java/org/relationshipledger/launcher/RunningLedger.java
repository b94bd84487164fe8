package org.relationshipledger.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole local stack, started in order and closed in reverse. */
final class RunningLedger implements AutoCloseable {

    private final LauncherSettings settings;
    private final LocalInfrastructure infrastructure;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final Duration startup;

    private RunningLedger(LauncherSettings settings) {
        Instant begin = Instant.now();
        this.settings = settings;
        this.infrastructure = LocalInfrastructure.start(settings);
        try {
            for (LedgerService service : LedgerService.values()) {
                services.add(start(service));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.startup = Duration.between(begin, Instant.now());
    }

    static RunningLedger start(LauncherSettings settings) {
        return new RunningLedger(settings);
    }

    private ConfigurableApplicationContext start(LedgerService service) {
        // Command-line arguments outrank each service's own property file, so one launcher wires all four.
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run("--server.port=" + settings.portOf(service),
                        "--server.address=127.0.0.1",
                        "--spring.data.mongodb.uri=" + infrastructure.mongoUri(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.jmx.enabled=false");
    }

    LauncherSettings settings() {
        return settings;
    }

    LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        infrastructure.close();
    }
}
