package org.relationshipledger.engagement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Settings live in {@code engagement-service.properties}, not application.properties, so all four services can share
 * one class path in the local launcher (ADR 0006).
 */
@SpringBootApplication
@PropertySource("classpath:engagement-service.properties")
public class EngagementApplication {

    public static void main(String[] args) {
        SpringApplication.run(EngagementApplication.class, args);
    }
}
