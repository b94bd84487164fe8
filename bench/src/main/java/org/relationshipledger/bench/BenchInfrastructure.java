package org.relationshipledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.relationshipledger.testkit.EmbeddedServers;

/** Real servers from {@code MONGODB_URI} / {@code KAFKA_BOOTSTRAP_SERVERS}, else in-process ones in memory. */
final class BenchInfrastructure implements AutoCloseable {

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final String kind;
    private final List<AutoCloseable> started;

    private BenchInfrastructure(String mongoUri, String kafka, String kind, List<AutoCloseable> started) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafka;
        this.kind = kind;
        this.started = started;
    }

    static BenchInfrastructure start(Map<String, String> environment) {
        List<AutoCloseable> started = new ArrayList<>();
        String mongo = environment.get("MONGODB_URI");
        String mongoKind = "external MongoDB";
        if (mongo == null || mongo.isBlank()) {
            var server = EmbeddedServers.mongoInMemory(EmbeddedServers.LOOPBACK, 0);
            started.add(server);
            mongo = server.uri();
            mongoKind = "in-process mongo-java-server (memory)";
        }
        String kafka = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        String kafkaKind = "external Kafka";
        if (kafka == null || kafka.isBlank()) {
            var broker = EmbeddedServers.kafka(EmbeddedServers.LOOPBACK, 0);
            started.add(broker);
            kafka = broker.bootstrapServers();
            kafkaKind = "in-process Kafka 3.9 KRaft broker";
        }
        return new BenchInfrastructure(mongo, kafka, mongoKind + " + " + kafkaKind, started);
    }

    String mongoUri() {
        return mongoUri;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    String kind() {
        return kind;
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
