package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's broker: its records survive a stop and a start on the same log directory and port. */
class DurableKafkaIT {

    @TempDir
    Path logDirectory;

    @Test
    void keepsRecordsAcrossCloseAndRestartOnTheSameDirectory() throws Exception {
        int port = freePort();
        try (DurableKafka kafka = EmbeddedServers.kafkaOnDisk(EmbeddedServers.LOOPBACK, port, logDirectory)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            produce(kafka.bootstrapServers(), "account-1", "opened");
        }

        try (DurableKafka kafka = EmbeddedServers.kafkaOnDisk(EmbeddedServers.LOOPBACK, port, logDirectory);
             KafkaTestConsumer consumer = new KafkaTestConsumer(kafka.bootstrapServers())) {
            produce(kafka.bootstrapServers(), "account-1", "renewed");

            List<ConsumerRecord<String, byte[]>> records = consumer.readUntil(all -> all.size() >= 2,
                    Duration.ofSeconds(30), "durable.topic");

            assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("opened", "renewed");
        }
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("durable.topic", key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedServers.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
