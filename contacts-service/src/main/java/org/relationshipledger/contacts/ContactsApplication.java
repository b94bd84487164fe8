package org.relationshipledger.contacts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Settings live in {@code contacts-service.properties}, not application.properties, so all four services can share
 * one class path in the local launcher (ADR 0006).
 */
@SpringBootApplication
@PropertySource("classpath:contacts-service.properties")
public class ContactsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContactsApplication.class, args);
    }
}
