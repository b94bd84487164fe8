package org.relationshipledger.launcher.reliability;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.relationshipledger.testkit.EmbeddedServers;
import org.relationshipledger.testkit.InProcessKafka;
import org.relationshipledger.testkit.InProcessMongo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All four services in this JVM, as {@code ./ledger up} runs them (ADR 0055), on a real in-process Kafka broker
 * and an in-memory MongoDB-wire server, each service on a free port.
 */
final class InProcessLedger implements AutoCloseable {

    private final InProcessMongo mongo;
    private final String kafka;
    private final Map<Service, ConfigurableApplicationContext> services = new EnumMap<>(Service.class);
    private final List<AutoCloseable> started = new ArrayList<>();

    private InProcessLedger(String externalKafka, Map<String, String> extra) {
        mongo = EmbeddedServers.mongoInMemory(EmbeddedServers.LOOPBACK, 0);
        started.add(mongo);
        try {
            if (externalKafka == null) {
                InProcessKafka broker = EmbeddedServers.kafka(EmbeddedServers.LOOPBACK, 0);
                started.add(broker);
                kafka = broker.bootstrapServers();
            } else {
                kafka = externalKafka;
            }
            for (Service service : Service.values()) {
                ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                        .registerShutdownHook(false)
                        .run(service.arguments(0, mongo.uri(), kafka, extra));
                services.put(service, context);
                started.add(context);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static InProcessLedger start(Map<String, String> extra) {
        return new InProcessLedger(null, extra);
    }

    /** The services and Mongo in this JVM, on a broker elsewhere (one a fault test can kill). */
    static InProcessLedger onBroker(String kafkaBootstrapServers, Map<String, String> extra) {
        return new InProcessLedger(kafkaBootstrapServers, extra);
    }

    URI baseOf(Service service) {
        return URI.create("http://127.0.0.1:"
                + services.get(service).getEnvironment().getProperty("local.server.port"));
    }

    String mongoUri() {
        return mongo.uri();
    }

    String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("reliability: stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }
}
