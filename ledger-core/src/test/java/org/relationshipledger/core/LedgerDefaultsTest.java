package org.relationshipledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

class LedgerDefaultsTest {

    @Test
    void aServicesOwnPropertyFileOverridesTheSharedDefaults() {
        try (ConfigurableApplicationContext context = start(ServiceWithOwnSettings.class)) {
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
            assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        }
    }

    @Test
    void commandLineArgumentsOverrideBoth() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceWithOwnSettings.class)
                .web(WebApplicationType.NONE).run("--management.endpoints.web.exposure.include=info")) {
            assertThat(context.getEnvironment().getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("info");
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration) {
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).run();
    }

    @Configuration(proxyBeanMethods = false)
    @PropertySource("classpath:defaults-override-test.properties")
    static class ServiceWithOwnSettings {
    }
}
