package org.relationshipledger.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.relationshipledger.launcher.demo.DemoEndpoints;

/**
 * Where the local stack keeps its data and which ports it uses. The defaults (Kafka 19092, MongoDB 27117,
 * services 8081–8084) stay clear of a real Kafka or MongoDB on the same laptop; tests move them all.
 *
 * @param servicePortBase the first service's port; the others follow in {@link LedgerService} order
 * @param demo            whether to load the demo data on the first start in this data directory
 *                        ({@code -Dledger.demo=false} or {@code LEDGER_DEMO=false} turns it off)
 */
record LauncherSettings(Path dataDirectory, int kafkaPort, int mongoPort, int servicePortBase,
                        Map<String, String> environment, boolean demo) {

    static final int DEFAULT_KAFKA_PORT = 19092;
    static final int DEFAULT_MONGO_PORT = 27117;
    static final int DEFAULT_SERVICE_PORT_BASE = 8081;

    static LauncherSettings fromSystem() {
        return new LauncherSettings(
                Path.of(System.getProperty("ledger.data-dir", "data")).toAbsolutePath().normalize(),
                Integer.getInteger("ledger.kafka-port", DEFAULT_KAFKA_PORT),
                Integer.getInteger("ledger.mongo-port", DEFAULT_MONGO_PORT),
                Integer.getInteger("ledger.service-port-base", DEFAULT_SERVICE_PORT_BASE),
                System.getenv(),
                Boolean.parseBoolean(System.getProperty("ledger.demo",
                        System.getenv().getOrDefault("LEDGER_DEMO", "true"))));
    }

    int portOf(LedgerService service) {
        return servicePortBase + service.ordinal();
    }

    String baseUrlOf(LedgerService service) {
        return "http://127.0.0.1:" + portOf(service);
    }

    DemoEndpoints demoEndpoints() {
        return new DemoEndpoints(URI.create(baseUrlOf(LedgerService.CONTACTS)),
                URI.create(baseUrlOf(LedgerService.MAPPING)), URI.create(baseUrlOf(LedgerService.ENGAGEMENT)),
                URI.create(baseUrlOf(LedgerService.ANALYTICS)));
    }
}
