package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithRealInfrastructure
class KafkaTestConsumerIT {

    private final String bootstrapServers = RealInfrastructure.get().kafkaBootstrapServers();
    private final KafkaTestConsumer consumer = new KafkaTestConsumer(bootstrapServers);
    private final String topic = "consumer-it-" + UUID.randomUUID();

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void readsEveryRecordOfEveryPartitionFromTheBeginning() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(Map.of())) {
            for (int i = 0; i < 30; i++) {
                producer.send(record("account-" + i, "event-" + i));
            }
            producer.flush();
        }

        assertThat(consumer.readAll(topic, Duration.ofSeconds(1)))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).mapToObj(i -> "account-" + i).toList());
    }

    @Test
    void neverReturnsRecordsOfAnAbortedTransaction() {
        try (KafkaProducer<String, byte[]> producer =
                     producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record("account-1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(record("account-1", "committed"));
            producer.commitTransaction();
        }

        assertThat(consumer.readAll(topic, Duration.ofSeconds(1)))
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("committed");
    }

    @Test
    void failsWithTheNumberOfRecordsReadWhenTheConditionIsNotMetInTime() {
        assertThatThrownBy(() -> consumer.readUntil(records -> !records.isEmpty(), Duration.ofMillis(500), topic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("0 record(s) read from [" + topic + "]");
    }

    @Test
    void readsAnEmptyListFromATopicThatDoesNotExist() {
        assertThat(consumer.readAll(topic, Duration.ofMillis(300))).isEmpty();
    }

    private ProducerRecord<String, byte[]> record(String key, String value) {
        return new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
