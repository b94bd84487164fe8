package org.relationshipledger.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every ledger service shares (actuator probes and exposure, problem details, Kafka and Mongo client
 * behaviour), added with the lowest precedence so a service's own configuration, environment variables and
 * command-line arguments override any of them. Keeps the four services' property files to what differs.
 */
public class LedgerDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "ledger-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("ledgerDefaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
