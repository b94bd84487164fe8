package org.relationshipledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the services' relays have published and how far their consumers have got, read from the broker alone, so
 * that waiting for them costs the measured processes nothing: records per topic and key (the key is the account
 * id), and whether a consumer group has committed up to the end of its topics.
 */
final class TopicProgress implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> reader;
    private final Admin admin;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<String, Map<String, Long>> perTopicAndKey = new HashMap<>();

    TopicProgress(String bootstrapServers, List<String> topics) {
        reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        for (String topic : topics) {
            reader.partitionsFor(topic, Duration.ofMinutes(1))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
    }

    /**
     * Commits, for each group, the current end of every partition of its topics that exist, so the services start
     * after what earlier benchmarks left on a shared broker instead of consuming it first. Only for groups with no
     * member: never against a cluster where those services run.
     */
    static void startAtEnd(String bootstrapServers, Map<String, List<String>> topicsPerGroup) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(1, TimeUnit.MINUTES);
            for (Map.Entry<String, List<String>> group : topicsPerGroup.entrySet()) {
                List<String> topics = group.getValue().stream().filter(existing::contains).toList();
                if (topics.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(1, TimeUnit.MINUTES).values().forEach(topic ->
                        topic.partitions().forEach(partition -> latest.put(
                                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
                Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                admin.listOffsets(latest).all().get(1, TimeUnit.MINUTES)
                        .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
                admin.alterConsumerGroupOffsets(group.getKey(), ends).all().get(1, TimeUnit.MINUTES);
            }
        }
    }

    /** How many records keyed {@code key} {@code topic} holds now. */
    long count(String topic, String key) {
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                perTopicAndKey.computeIfAbsent(record.topic(), t -> new HashMap<>())
                        .merge(String.valueOf(record.key()), 1L, Long::sum);
            }
        }
        return perTopicAndKey.getOrDefault(topic, Map.of()).getOrDefault(key, 0L);
    }

    /**
     * Whether every group has committed, on every partition of its topics that holds records, up to that
     * partition's end now. The services' listeners commit after a poll's records are handled, so a group at the end
     * has handled everything published so far.
     */
    boolean caughtUp(Map<String, List<String>> topicsPerGroup) throws Exception {
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        for (Map.Entry<String, List<String>> group : topicsPerGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(1, TimeUnit.MINUTES);
            for (TopicPartition partition : partitions) {
                if (!group.getValue().contains(partition.topic()) || ends.get(partition) == 0) {
                    continue;
                }
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null || offset.offset() < ends.get(partition)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
