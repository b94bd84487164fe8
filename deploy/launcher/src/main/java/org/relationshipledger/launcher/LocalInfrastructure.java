package org.relationshipledger.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.relationshipledger.testkit.EmbeddedServers;

/**
 * The Kafka broker and MongoDB-wire server the local stack uses: real servers named by {@code MONGODB_URI} /
 * {@code KAFKA_BOOTSTRAP_SERVERS}, or in-process ones storing under the data directory on ports that do not
 * collide with a real Kafka (9092) or MongoDB (27017) on the same laptop.
 */
final class LocalInfrastructure implements AutoCloseable {

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final List<AutoCloseable> started;

    private LocalInfrastructure(String mongoUri, String kafkaBootstrapServers, List<AutoCloseable> started) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.started = started;
    }

    static LocalInfrastructure start(LauncherSettings settings) {
        Map<String, String> environment = settings.environment();
        Path dataDirectory = settings.dataDirectory();
        List<AutoCloseable> started = new ArrayList<>();
        String mongoUri = environment.get("MONGODB_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            var mongo = EmbeddedServers.mongoOnDisk(EmbeddedServers.LOOPBACK, settings.mongoPort(),
                    dataDirectory.resolve("mongo"));
            started.add(mongo);
            mongoUri = mongo.uri();
        }
        String kafka = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            var broker = EmbeddedServers.kafkaOnDisk(EmbeddedServers.LOOPBACK, settings.kafkaPort(),
                    dataDirectory.resolve("kafka"));
            started.add(broker);
            kafka = broker.bootstrapServers();
        }
        return new LocalInfrastructure(mongoUri, kafka, started);
    }

    String mongoUri() {
        return mongoUri;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    boolean embedded() {
        return !started.isEmpty();
    }

    /** Stops what this launcher started, broker before Mongo, in the reverse order of starting. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("ledger: stopping " + started.get(i) + " failed: " + e);
            }
        }
    }
}
