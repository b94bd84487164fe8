package org.relationshipledger.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning, as a brand-new consumer would, to check what a producer or relay actually
 * published. Sees committed records only ({@code read_committed}) and never commits offsets, so it neither
 * disturbs nor is disturbed by the consumer groups under test. Not thread-safe.
 * <p>
 * It assigns every partition itself instead of subscribing: there is no group join to wait for, so a quiet period
 * measures silence on the topic, not rebalance time.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;

    public KafkaTestConsumer(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-test-consumer-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Looking at a topic must not create it with broker defaults before the code under test creates it.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every record of {@code topic} from offset 0, returned once no new record arrived for {@code quietPeriod}. A
     * topic that does not exist yet reads as empty.
     */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration quietPeriod) {
        Reading reading = new Reading(List.of(topic));
        // Whatever is on the topic now is read before the quiet period starts, so a slow first fetch cannot end
        // the read early.
        reading.catchUp(CATCH_UP_TIMEOUT);
        long quietNanos = quietPeriod.toNanos();
        long lastActivity = System.nanoTime();
        while (System.nanoTime() - lastActivity < quietNanos) {
            if (reading.pollOnce()) {
                lastActivity = System.nanoTime();
            }
        }
        return reading.records;
    }

    /**
     * Records of {@code topics} from offset 0, returned as soon as {@code done} accepts all records read so far.
     *
     * @throws AssertionError when {@code done} still rejects them after {@code timeout}
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout, String... topics) {
        Reading reading = new Reading(List.of(topics));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(reading.records)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("After " + timeout + ", " + reading.records.size() + " record(s) read from "
                        + List.of(topics) + " still did not satisfy the condition");
            }
            reading.pollOnce();
        }
        return reading.records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** One pass over the topics from the beginning; picks up partitions of topics created while it runs. */
    private final class Reading {

        private final List<String> topics;
        private final Set<TopicPartition> assigned = new HashSet<>();
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        Reading(List<String> topics) {
            this.topics = topics;
            consumer.assign(List.of());
        }

        /** Reads up to the end offsets the partitions have now; a topic that does not exist yet has none. */
        void catchUp(Duration timeout) {
            assignNewPartitions();
            if (assigned.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("Could not read " + topics + " up to " + ends + " within " + timeout);
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }

        /** Returns whether any record arrived. */
        boolean pollOnce() {
            assignNewPartitions();
            if (assigned.isEmpty()) {
                // poll() refuses an empty assignment; wait instead of asking the broker for metadata in a tight loop.
                pause();
                return false;
            }
            int before = records.size();
            consumer.poll(POLL).forEach(records::add);
            return records.size() > before;
        }

        private static void pause() {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics to appear", e);
            }
        }

        private void assignNewPartitions() {
            Set<TopicPartition> found = new HashSet<>();
            for (String topic : topics) {
                try {
                    for (PartitionInfo partition : consumer.partitionsFor(topic, METADATA_TIMEOUT)) {
                        found.add(new TopicPartition(topic, partition.partition()));
                    }
                } catch (TimeoutException slowBroker) {
                    // A busy broker may not answer in time; the next poll asks again.
                }
            }
            found.removeAll(assigned);
            if (!found.isEmpty()) {
                assigned.addAll(found);
                consumer.assign(assigned);
                consumer.seekToBeginning(found);
            }
        }
    }
}
