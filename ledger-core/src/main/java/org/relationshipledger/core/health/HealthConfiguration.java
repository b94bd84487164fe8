package org.relationshipledger.core.health;

import org.bson.Document;
import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * MongoDB health by {@code ping}, which every MongoDB-wire server answers; Boot's own indicator sends
 * {@code hello}, which the embedded wire server does not know, so a healthy local stack would report DOWN.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class HealthConfiguration {

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoDatabase ledgerDatabase) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                ledgerDatabase.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", ledgerDatabase.getName());
            }
        };
    }
}
