package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The in-process servers on their own, as the local launcher uses them: fixed ports and a data directory. */
class EmbeddedServersIT {

    private static final String LOOPBACK = EmbeddedServers.LOOPBACK;

    @TempDir
    Path dataDirectory;

    @Test
    void keepsADocumentAcrossCloseAndRestartOnTheSameDirectory() {
        try (InProcessMongo mongo = EmbeddedServers.mongoOnDisk(LOOPBACK, 0, dataDirectory);
             MongoClient client = MongoClients.create(mongo.uri())) {
            client.getDatabase("ledger").getCollection("accounts").insertOne(new Document("_id", "acc-1"));
        }

        try (InProcessMongo mongo = EmbeddedServers.mongoOnDisk(LOOPBACK, 0, dataDirectory);
             MongoClient client = MongoClients.create(mongo.uri())) {
            assertThat(client.getDatabase("ledger").getCollection("accounts").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "acc-1"));
        }
    }

    @Test
    void startsMongoOnTheRequestedPort() throws IOException {
        int port = freePort();

        try (InProcessMongo mongo = EmbeddedServers.mongoInMemory(LOOPBACK, port)) {
            assertThat(mongo.uri()).isEqualTo("mongodb://127.0.0.1:" + port);
        }
    }

    @Test
    void releasesTheDataDirectoryWhenTheMongoPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            assertThatThrownBy(() -> EmbeddedServers.mongoOnDisk(LOOPBACK, taken.getLocalPort(), dataDirectory))
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }

        try (InProcessMongo mongo = EmbeddedServers.mongoOnDisk(LOOPBACK, 0, dataDirectory)) {
            assertThat(mongo.address().getPort()).isPositive();
        }
    }

    @Test
    void startsKafkaOnTheRequestedPortAndGivesNewTopicsThreePartitions() throws Exception {
        int port = freePort();
        String topic = "auto-" + UUID.randomUUID();

        try (InProcessKafka kafka = EmbeddedServers.kafka(LOOPBACK, port);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", new byte[] {1})).get();

            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get());
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo(LOOPBACK);
                assertThat(node.port()).isEqualTo(port);
            });
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(EmbeddedServers.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void namesTheAddressAndCanStartAgainWhenTheKafkaPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            assertThatThrownBy(() -> EmbeddedServers.kafka(LOOPBACK, taken.getLocalPort()))
                    .hasMessageContaining(LOOPBACK + ":" + taken.getLocalPort());
        }

        try (InProcessKafka kafka = EmbeddedServers.kafka(LOOPBACK, 0)) {
            assertThat(kafka.port()).isPositive();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
