package org.relationshipledger.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Settings every ledger service shares (actuator probes and exposure, problem details, Kafka and Mongo client
 * behaviour). They join Spring Boot's "defaultProperties", the source of lowest precedence, which
 * {@code @PropertySource} files are placed before — so a service's own {@code <service>.properties},
 * environment variables and command-line arguments all override them (ADR 0006).
 */
public class LedgerDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "ledger-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
            Map<String, Object> values = new HashMap<>();
            defaults.stringPropertyNames().forEach(name -> values.put(name, defaults.getProperty(name)));
            DefaultPropertiesPropertySource.addOrMerge(values, environment.getPropertySources());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
