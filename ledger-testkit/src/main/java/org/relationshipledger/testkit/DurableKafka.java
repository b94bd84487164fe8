package org.relationshipledger.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Kafka KRaft broker (combined broker and controller) in this JVM whose log lives in a directory of
 * ours, so topics and committed offsets survive a restart — unlike Spring's embedded broker, which formats a fresh
 * temporary directory on every start. Used by the local launcher ({@code ./ledger up}).
 */
public final class DurableKafka implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DurableKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code logDirectory} on first use, then starts the broker on {@code host:port}. */
    static DurableKafka start(String host, int port, Path logDirectory) {
        try {
            Files.createDirectories(logDirectory);
            int controllerPort = freePort(host);
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
            config.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER + "://" + host + ":"
                    + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
            config.put("controller.listener.names", CONTROLLER);
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", logDirectory.toAbsolutePath().toString());
            config.put("num.partitions", String.valueOf(EmbeddedServers.DEFAULT_PARTITIONS));
            config.put("auto.create.topics.enable", "true");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", String.valueOf(EmbeddedServers.DEFAULT_PARTITIONS));
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("transaction.state.log.num.partitions", String.valueOf(EmbeddedServers.DEFAULT_PARTITIONS));
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("log.flush.interval.messages", "1");
            KafkaConfig kafkaConfig = KafkaConfig.fromProps(config, false);
            format(kafkaConfig, logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            server.startup();
            return new DurableKafka(server, host + ":" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker could not start on " + host + ":" + port + " with its log in "
                    + logDirectory, e);
        }
    }

    // The controller listener needs a port of its own; the quorum voter list must name it before start.
    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private static void format(KafkaConfig config, Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setIgnoreFormatted(true)
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Override
    public String toString() {
        return "DurableKafka[" + bootstrapServers + "]";
    }
}
