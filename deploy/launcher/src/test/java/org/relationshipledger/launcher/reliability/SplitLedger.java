package org.relationshipledger.launcher.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.relationshipledger.testkit.EmbeddedServers;
import org.relationshipledger.testkit.InProcessKafka;
import org.relationshipledger.testkit.InProcessMongo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stack with some services in JVMs of their own, which a fault test kills and restarts, and the rest (with
 * the broker and the Mongo-wire server) in this JVM.
 */
final class SplitLedger implements AutoCloseable {

    /** A service process on a fixed port, so a restart answers where the old one did. */
    static final class Replica {

        private final Service service;
        private final int port;
        private final Path log;
        private ChildJvm jvm;

        private Replica(Service service, int port, Path log) {
            this.service = service;
            this.port = port;
            this.log = log;
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + port);
        }

        ChildJvm jvm() {
            return jvm;
        }

        @Override
        public String toString() {
            return service.serviceName() + ":" + port + " " + jvm;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final InProcessMongo mongo;
    private final InProcessKafka kafka;
    private final Path logs;
    private final Map<String, String> extra;
    private final Map<Service, ConfigurableApplicationContext> inProcess = new EnumMap<>(Service.class);
    private final List<Replica> replicas = new ArrayList<>();
    private int replicaCount;

    private SplitLedger(Set<Service> separate, Map<String, String> extra, Path logs) {
        this.logs = logs;
        this.extra = extra;
        mongo = EmbeddedServers.mongoInMemory(EmbeddedServers.LOOPBACK, 0);
        try {
            kafka = EmbeddedServers.kafka(EmbeddedServers.LOOPBACK, 0);
            for (Service service : Service.values()) {
                if (separate.contains(service)) {
                    replica(service);
                } else {
                    inProcess.put(service, new SpringApplicationBuilder(service.application())
                            .registerShutdownHook(false)
                            .run(service.arguments(0, mongo.uri(), kafka.bootstrapServers(), extra)));
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static SplitLedger start(Set<Service> separate, Map<String, String> extra, Path logs) {
        return new SplitLedger(separate, extra, logs);
    }

    /** Starts one more process of {@code service} on a free port. */
    Replica replica(Service service) {
        Replica replica = new Replica(service, freePort(), logs.resolve(service.serviceName() + "-"
                + (++replicaCount) + ".log"));
        replicas.add(replica);
        start(replica);
        return replica;
    }

    /** Starts (again) the process of {@code replica} on its port. */
    void start(Replica replica) {
        List<String> arguments = new ArrayList<>();
        arguments.add(replica.service.serviceName());
        arguments.addAll(List.of(replica.service.arguments(replica.port, mongo.uri(), kafka.bootstrapServers(),
                extra)));
        replica.jvm = ChildJvm.start(replica.service.serviceName(), ServiceMain.class, List.of("-Xmx384m"),
                arguments, replica.log, ServiceMain.READY, START_TIMEOUT);
    }

    /** The first process of {@code service}, or null when it runs in this JVM. */
    Replica replicaOf(Service service) {
        return replicas.stream().filter(replica -> replica.service == service).findFirst().orElse(null);
    }

    URI baseOf(Service service) {
        ConfigurableApplicationContext context = inProcess.get(service);
        return context != null
                ? URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                : replicaOf(service).base();
    }

    String mongoUri() {
        return mongo.uri();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static int freePort() {
        try {
            return BrokerKillFaultIT.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        replicas.forEach(replica -> {
            if (replica.jvm != null) {
                replica.jvm.close();
            }
        });
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(inProcess.values());
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        if (kafka != null) {
            kafka.close();
        }
        mongo.close();
    }
}
