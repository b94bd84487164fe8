package org.relationshipledger.testkit;

import java.util.UUID;

import com.mongodb.client.MongoClient;

/**
 * Addresses of the Kafka broker and MongoDB-wire server shared by all tests in this JVM.
 *
 * @param kind                  {@code external}, {@code testcontainers} or {@code in-process}; when the two servers
 *                              come from different sources, {@code mongo=<kind>,kafka=<kind>}
 * @param kafkaBootstrapServers {@code host:port[,host:port]}
 * @param mongoUri              a MongoDB connection string without a database
 * @param mongoClient           shared by all tests: do not close it
 */
public record Infrastructure(String kind, String kafkaBootstrapServers, String mongoUri, MongoClient mongoClient) {

    private static final int MAX_PREFIX_LENGTH = 40;

    /**
     * A database name no other test uses, because the servers (and, on external servers, earlier runs' data) are
     * shared: tests isolate themselves by database rather than by cleaning up.
     */
    public String uniqueDatabaseName(String prefix) {
        String safe = prefix.replaceAll("[^A-Za-z0-9_-]", "_");
        if (safe.length() > MAX_PREFIX_LENGTH) {
            safe = safe.substring(0, MAX_PREFIX_LENGTH);
        }
        return safe + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
