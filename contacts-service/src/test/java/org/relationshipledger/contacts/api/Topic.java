package org.relationshipledger.contacts.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;

/**
 * Reads topics from offset 0 until a condition holds. A metadata fetch that times out on a busy machine is retried
 * with a fresh consumer instead of failing the test.
 */
public final class Topic {

    private Topic() {
    }

    public static List<ConsumerRecord<String, byte[]>> readUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> done, String... topics) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .ignoreException(TimeoutException.class)
                .until(() -> {
                    try (KafkaTestConsumer kafka =
                                 new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
                        return kafka.readUntil(done, Duration.ofSeconds(45), topics);
                    }
                }, records -> true);
    }
}
