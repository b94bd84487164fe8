package org.relationshipledger.testkit;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Starts (once per JVM) the shared infrastructure and publishes its addresses as system properties, so that a
 * Spring context created later in the class binds to these servers without any per-test wiring.
 */
public final class RealInfrastructureExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    public static final String SPRING_KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    public static final String SPRING_DATA_MONGODB_URI = "spring.data.mongodb.uri";
    /** Services verify tokens with this key; the tests' tokens are signed by {@link DevelopmentTokens#forTests()}. */
    public static final String JWT_PUBLIC_KEY_LOCATION = "spring.security.oauth2.resourceserver.jwt.public-key-location";
    public static final String LEDGER_KAFKA_BOOTSTRAP_SERVERS = "ledger.kafka.bootstrap-servers";
    public static final String LEDGER_MONGODB_URI = "ledger.mongodb.uri";

    @Override
    public void beforeAll(ExtensionContext context) {
        publish();
    }

    /**
     * With {@code @TestInstance(PER_CLASS)} the test instance, and with it a Spring context, is created before
     * {@link #beforeAll}; publishing here too keeps that context from starting without the addresses.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        publish();
    }

    /** The properties this extension sets, for callers that configure a context by hand. */
    public static Map<String, String> systemProperties(Infrastructure infrastructure) {
        return Map.of(
                SPRING_KAFKA_BOOTSTRAP_SERVERS, infrastructure.kafkaBootstrapServers(),
                LEDGER_KAFKA_BOOTSTRAP_SERVERS, infrastructure.kafkaBootstrapServers(),
                SPRING_DATA_MONGODB_URI, infrastructure.mongoUri(),
                LEDGER_MONGODB_URI, infrastructure.mongoUri(),
                JWT_PUBLIC_KEY_LOCATION, DevelopmentTokens.forTests().publicKeyLocation());
    }

    private static void publish() {
        systemProperties(RealInfrastructure.get()).forEach(System::setProperty);
    }
}
