package org.relationshipledger.launcher.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.relationshipledger.analytics.AnalyticsApplication;
import org.relationshipledger.contacts.ContactsApplication;
import org.relationshipledger.engagement.EngagementApplication;
import org.relationshipledger.mapping.MappingApplication;
import org.relationshipledger.testkit.DevelopmentTokens;

/**
 * The four services as the reliability tests start them: in one JVM beside each other, or one per process. The
 * arguments follow the launcher's pattern (its own config name, port, loopback, the shared Mongo and Kafka).
 */
enum Service {

    CONTACTS("contacts-service", "contacts", ContactsApplication.class),
    MAPPING("mapping-service", "mapping", MappingApplication.class),
    ENGAGEMENT("engagement-service", "engagement", EngagementApplication.class),
    ANALYTICS("analytics-service", "analytics", AnalyticsApplication.class);

    /** Axon's default name for the domain event collection (the event store, which is also the outbox). */
    static final String EVENTS_COLLECTION = "domainevents";

    private final String serviceName;
    private final String database;
    private final Class<?> application;

    Service(String serviceName, String database, Class<?> application) {
        this.serviceName = serviceName;
        this.database = database;
        this.application = application;
    }

    String serviceName() {
        return serviceName;
    }

    String database() {
        return database;
    }

    Class<?> application() {
        return application;
    }

    /** Command-line arguments, which outrank the service's own property file; {@code extra} are added as given. */
    String[] arguments(int port, String mongoUri, String kafka, Map<String, String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + serviceName,
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.jmx.enabled=false",
                // Tokens signed by the test kit's development key, which LedgerHttp sends (ADR 0056).
                "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                        + DevelopmentTokens.forTests().publicKeyLocation()));
        extra.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments.toArray(String[]::new);
    }

    static Service named(String serviceName) {
        for (Service service : values()) {
            if (service.serviceName.equals(serviceName)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service " + serviceName);
    }
}
