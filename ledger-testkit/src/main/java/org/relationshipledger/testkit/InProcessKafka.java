package org.relationshipledger.testkit;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A running in-process Kafka broker; {@link #close()} stops it and deletes its log. */
public final class InProcessKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    InProcessKafka(EmbeddedKafkaKraftBroker broker, String host) {
        this.broker = broker;
        this.host = host;
        // The broker reports itself as localhost:<port>; clients should use the address it was bound to.
        String reported = broker.getBrokersAsString();
        this.port = Integer.parseInt(reported.substring(reported.lastIndexOf(':') + 1));
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            broker.destroy();
        }
    }

    @Override
    public String toString() {
        return "InProcessKafka[" + bootstrapServers() + "]";
    }
}
