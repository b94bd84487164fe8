package org.relationshipledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Real servers inside this JVM: a single-node Kafka KRaft broker and a MongoDB-wire server. Used by the tests when
 * there is neither an external server nor Docker, and by the local launcher. Port {@code 0} picks a free port.
 */
public final class EmbeddedServers {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PARTITIONS = 3;

    /** The MVStore file inside a Mongo data directory. */
    public static final String MONGO_DATA_FILE = "mongo.mv.db";

    private EmbeddedServers() {
    }

    /**
     * Starts a KRaft broker (combined broker and controller) whose client listener is {@code host:port}. Its log
     * lives in a temporary directory: topics do not survive {@link InProcessKafka#close()}.
     */
    public static InProcessKafka kafka(String host, int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        // The broker would otherwise overwrite spring.kafka.bootstrap-servers JVM-wide, surprising a launcher that
        // runs several contexts; RealInfrastructureExtension sets that property deliberately instead.
        broker.brokerListProperty(null);
        broker.brokerProperties(Map.of(
                // kafkaPorts(..) is ignored in KRaft mode (spring-kafka 3.3); KafkaClusterTestKit honours a given
                // listeners value instead. The controller stays on "localhost" because the test kit writes the
                // quorum voters as localhost:<port>.
                "listeners", "EXTERNAL://" + host + ":" + port + ",CONTROLLER://localhost:0",
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(DEFAULT_PARTITIONS),
                // One broker cannot host more than one replica of the internal topics.
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // 50 partitions each (the default) make the first group join and first transaction slower.
                "offsets.topic.num.partitions", String.valueOf(DEFAULT_PARTITIONS),
                "transaction.state.log.num.partitions", String.valueOf(DEFAULT_PARTITIONS)));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            // The broker's own message hides the address several causes deep.
            IllegalStateException failure = new IllegalStateException(
                    "In-process Kafka broker could not start listening on " + host + ":" + port, e);
            // A failed start (e.g. port taken) leaves controller threads and a formatted log directory behind.
            try {
                broker.destroy();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return new InProcessKafka(broker, host);
    }

    /**
     * Starts a KRaft broker on {@code host:port} whose log lives in {@code logDirectory} (formatted on first use),
     * so topics and consumer offsets survive {@link DurableKafka#close()} and a restart on the same directory.
     */
    public static DurableKafka kafkaOnDisk(String host, int port, Path logDirectory) {
        return DurableKafka.start(host, port, logDirectory);
    }

    /** Starts a MongoDB-wire server that keeps its data in memory only. */
    public static InProcessMongo mongoInMemory(String host, int port) {
        return mongo(new MemoryBackend(), host, port);
    }

    /**
     * Starts a MongoDB-wire server whose data lives in {@code dataDirectory} (an H2 MVStore file) and survives
     * {@link InProcessMongo#close()} and a restart on the same directory. Writes reach the file on close and
     * otherwise about once a second, so a killed JVM can lose the last second.
     */
    public static InProcessMongo mongoOnDisk(String host, int port, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mongo(new H2Backend(dataDirectory.resolve(MONGO_DATA_FILE).toString()), host, port);
    }

    private static InProcessMongo mongo(MongoBackend backend, String host, int port) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            throw e; // bind() has already shut the server and its backend down
        } catch (Exception e) {
            // Netty rethrows a BindException undeclared, past bind()'s own cleanup; without shutting down here the
            // event loops and the H2 file lock would outlive the failure.
            server.shutdownNow();
            throw new IllegalStateException("MongoDB-wire server cannot bind to " + host + ":" + port, e);
        }
        return new InProcessMongo(server);
    }
}
