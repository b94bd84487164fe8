package org.relationshipledger.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relationshipledger.launcher.demo.DemoData;

import org.relationshipledger.testkit.DevelopmentTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole local stack, started in order and closed in reverse. */
final class RunningLedger implements AutoCloseable {

    private final LauncherSettings settings;
    private final LocalInfrastructure infrastructure;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final Duration startup;
    private final Duration demoLoad;
    private final Optional<String> showcaseAccountId;
    private final Optional<DevelopmentTokens> developmentKey;
    private final String token;

    private RunningLedger(LauncherSettings settings) {
        Instant begin = Instant.now();
        this.settings = settings;
        // Tokens from a real identity provider when one is configured; else a development key kept under the data
        // directory, so a token printed yesterday still works after a restart.
        this.developmentKey = externalIdentityProvider(settings.environment()) ? Optional.empty()
                : Optional.of(DevelopmentTokens.in(settings.dataDirectory().resolve("dev-keys")));
        this.token = developmentKey
                .map(key -> key.mint("ledger-dev", DevelopmentTokens.DEFAULT_TENANT, DevelopmentTokens.ALL_ROLES,
                        TOKEN_LIFETIME))
                .orElseGet(() -> settings.environment().getOrDefault("LEDGER_TOKEN", ""));
        this.infrastructure = LocalInfrastructure.start(settings);
        try {
            for (LedgerService service : LedgerService.values()) {
                services.add(start(service));
            }
            this.startup = Duration.between(begin, Instant.now());
            Instant demoBegin = Instant.now();
            // After every service is up, so the data takes the same path a user's would: HTTP, Kafka, projections.
            this.showcaseAccountId = settings.demo()
                    ? Optional.of(DemoData.ensureLoaded(settings.dataDirectory(), settings.demoEndpoints(), token,
                            line -> System.out.println("ledger: " + line)))
                    : DemoData.strategicAccountId(settings.dataDirectory());
            this.demoLoad = Duration.between(demoBegin, Instant.now());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static RunningLedger start(LauncherSettings settings) {
        return new RunningLedger(settings);
    }

    private ConfigurableApplicationContext start(LedgerService service) {
        // Command-line arguments outrank each service's own property file, so one launcher wires all four. Four
        // services share one class path: with Boot's default config name a stray application.properties in any jar
        // (a stale build once shipped one) would configure all four alike, down to one shared database.
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=" + service.serviceName(),
                "--server.port=" + settings.portOf(service),
                "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.jmx.enabled=false"));
        developmentKey.ifPresent(key -> arguments.add(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + key.publicKeyLocation()));
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    private static boolean externalIdentityProvider(Map<String, String> environment) {
        return environment.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                || environment.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
    }

    /**
     * A bearer token for the APIs: with the development key, tenant {@code default} and every role, valid for
     * {@value #TOKEN_HOURS} hours; with a real identity provider, {@code LEDGER_TOKEN} from the environment.
     */
    String token() {
        return token;
    }

    private static final int TOKEN_HOURS = 12;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(TOKEN_HOURS);

    LauncherSettings settings() {
        return settings;
    }

    LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** From the first line of code to every service ready, without the demo data load. */
    Duration startup() {
        return startup;
    }

    /** How long loading (or finding) the demo data took after {@link #startup()}. */
    Duration demoLoad() {
        return demoLoad;
    }

    /** The demo's strategic account, when the demo data is in this data directory. */
    Optional<String> showcaseAccountId() {
        return showcaseAccountId;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        infrastructure.close();
    }
}
