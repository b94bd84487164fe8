package org.relationshipledger.mapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Settings live in {@code mapping-service.properties}, not application.properties, so all four services can share
 * one class path in the local launcher (ADR 0006).
 */
@SpringBootApplication
@PropertySource("classpath:mapping-service.properties")
public class MappingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MappingApplication.class, args);
    }
}
