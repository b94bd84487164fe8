package org.relationshipledger.testkit;

import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** The Docker path: only loaded when a Docker daemon answered. */
final class ContainerServers implements AutoCloseable {

    static final String MONGO_IMAGE = "mongo:7";
    static final String KAFKA_IMAGE = "apache/kafka-native:3.9.1";

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainerServers(MongoDBContainer mongo, KafkaContainer kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** Starts the requested containers in parallel: each takes seconds, and neither needs the other. */
    static ContainerServers start(boolean withMongo, boolean withKafka) {
        // MongoDBContainer runs a single-node replica set, so sessions and change streams behave as in production.
        MongoDBContainer mongo = withMongo ? new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE)) : null;
        // Same partition count as the in-process broker, so tests see the same key spreading on every path.
        KafkaContainer kafka = withKafka
                ? new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE)).withEnv("KAFKA_NUM_PARTITIONS", "3")
                : null;
        ContainerServers servers = new ContainerServers(mongo, kafka);
        try {
            Startables.deepStart(servers.containers()).join();
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    String mongoUri() {
        return mongo.getConnectionString();
    }

    String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        containers().forEach(Startable::stop);
    }

    private List<Startable> containers() {
        List<Startable> containers = new ArrayList<>(2);
        if (mongo != null) {
            containers.add(mongo);
        }
        if (kafka != null) {
            containers.add(kafka);
        }
        return containers;
    }
}
