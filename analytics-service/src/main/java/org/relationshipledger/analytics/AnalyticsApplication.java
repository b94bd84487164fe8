package org.relationshipledger.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Settings live in {@code analytics-service.properties}, not application.properties, so all four services can share
 * one class path in the local launcher (ADR 0006).
 */
@SpringBootApplication
@PropertySource("classpath:analytics-service.properties")
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
