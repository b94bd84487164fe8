package org.relationshipledger.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.relationshipledger.testkit.InfrastructurePlan.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The Kafka broker and MongoDB-wire server that every integration test in this JVM shares. Each server comes from
 * the first source that applies: its environment variable ({@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS}),
 * else Testcontainers when a Docker daemon answers, else {@link EmbeddedServers} on 127.0.0.1. Nothing is mocked.
 */
public final class RealInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(RealInfrastructure.class);

    private static Infrastructure shared;
    private static RuntimeException startFailure;

    private RealInfrastructure() {
    }

    /** Starts the servers on first use; later calls, from any thread, get the same ones. */
    public static synchronized Infrastructure get() {
        if (shared == null && startFailure == null) {
            try {
                shared = start(System.getenv());
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            // Remembered so that every later test class fails with the cause instead of retrying a slow start.
            throw new IllegalStateException("Real test infrastructure could not start in this JVM", startFailure);
        }
        return shared;
    }

    private static Infrastructure start(Map<String, String> environment) {
        long startedAt = System.nanoTime();
        InfrastructurePlan plan = InfrastructurePlan.choose(environment, RealInfrastructure::dockerAvailable);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            ContainerServers containers = null;
            if (plan.mongo() == Source.TESTCONTAINERS || plan.kafka() == Source.TESTCONTAINERS) {
                containers = ContainerServers.start(
                        plan.mongo() == Source.TESTCONTAINERS, plan.kafka() == Source.TESTCONTAINERS);
                resources.push(containers);
            }
            String mongoUri = switch (plan.mongo()) {
                case EXTERNAL -> environment.get(InfrastructurePlan.MONGODB_URI);
                case TESTCONTAINERS -> containers.mongoUri();
                case IN_PROCESS -> push(resources, EmbeddedServers.mongoInMemory(EmbeddedServers.LOOPBACK, 0)).uri();
            };
            String kafkaBootstrapServers = switch (plan.kafka()) {
                case EXTERNAL -> environment.get(InfrastructurePlan.KAFKA_BOOTSTRAP_SERVERS);
                case TESTCONTAINERS -> containers.kafkaBootstrapServers();
                case IN_PROCESS -> push(resources, EmbeddedServers.kafka(EmbeddedServers.LOOPBACK, 0)).bootstrapServers();
            };
            MongoClient mongoClient = push(resources, MongoClients.create(mongoUri));
            // A shutdown hook rather than the root ExtensionContext.Store: the root store closes when the JUnit
            // engine finishes, while Spring's cached test contexts keep using these servers until the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(resources), "real-infrastructure-stop"));
            LOG.info("Real test infrastructure: {} ({}); kafka={} mongo={}; ready in {} ms", plan.kind(),
                    plan.reason(), kafkaBootstrapServers, mongoUri,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return new Infrastructure(plan.kind(), kafkaBootstrapServers, mongoUri, mongoClient);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            LOG.debug("Docker check failed; treating Docker as unavailable", e);
            return false;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}", resource, e);
            }
        }
    }
}
