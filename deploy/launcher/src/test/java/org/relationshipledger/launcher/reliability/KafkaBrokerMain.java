package org.relationshipledger.launcher.reliability;

import java.nio.file.Path;

import org.relationshipledger.testkit.DurableKafka;
import org.relationshipledger.testkit.EmbeddedServers;

/**
 * A Kafka KRaft broker alone in its JVM, so a fault test can kill or freeze it: {@code <port> <log directory>}.
 * Restarted on the same port and directory, it keeps its topics and committed offsets.
 */
public final class KafkaBrokerMain {

    static final String READY = "kafka-broker: ready";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DurableKafka broker = EmbeddedServers.kafkaOnDisk(EmbeddedServers.LOOPBACK, Integer.parseInt(args[0]),
                Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        System.out.println(READY + " on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
