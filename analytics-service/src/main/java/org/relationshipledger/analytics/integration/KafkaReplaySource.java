package org.relationshipledger.analytics.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.relationshipledger.analytics.ledger.ReceivedEvent;
import org.relationshipledger.analytics.replay.ReplaySource;
import org.relationshipledger.contracts.Topics;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the ledger topics from offset 0 with partitions assigned by hand and no consumer group: a replay must
 * neither commit offsets nor take partitions away from the live consumer group.
 * <p>
 * Records are keyed by account id, so when every topic has the same number of partitions an account's records all
 * sit in partitions of one number. The topics are then read one partition number at a time, and the sink is told
 * after each that the accounts it saw are complete: a replay holds one partition group in memory, not the
 * whole history (ADR 0046). With differing partition counts everything is one group.
 */
@Component
class KafkaReplaySource implements ReplaySource {

    private static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaProperties kafka;

    KafkaReplaySource(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    @Override
    public void readAll(Sink sink) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-service-replay");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            sink.total(partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum());
            for (List<TopicPartition> group : groups(partitions)) {
                read(consumer, group, end, sink);
                sink.accountsComplete();
            }
        }
    }

    /** One group per partition number when every topic has the same count; otherwise one group of all. */
    static List<List<TopicPartition>> groups(List<TopicPartition> partitions) {
        Map<String, Integer> counts = new HashMap<>();
        partitions.forEach(p -> counts.merge(p.topic(), 1, Integer::sum));
        if (counts.values().stream().distinct().count() > 1) {
            return List.of(partitions);
        }
        Map<Integer, List<TopicPartition>> byNumber = new TreeMap<>();
        partitions.forEach(p -> byNumber.computeIfAbsent(p.partition(), n -> new ArrayList<>()).add(p));
        return List.copyOf(byNumber.values());
    }

    private static void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> group,
                             Map<TopicPartition, Long> end, Sink sink) {
        consumer.assign(group);
        consumer.seekToBeginning(group);
        while (group.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue;
                }
                read(record, sink);
            }
        }
    }

    /** An unreadable record is skipped; a failure to project a readable one fails the replay. */
    private static void read(ConsumerRecord<String, byte[]> record, Sink sink) {
        ReceivedEvent event;
        try {
            event = RecordReader.read(record);
        } catch (RuntimeException unreadable) {
            sink.skipped(record.topic() + "-" + record.partition() + "-" + record.offset() + ": " + unreadable);
            return;
        }
        sink.accept(event);
    }
}
