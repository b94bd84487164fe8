package org.relationshipledger.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every ledger service shares, under {@code ledger.*}.
 *
 * @param serviceName   names the service in envelopes, metrics, consumer groups and the relay lease
 * @param defaultTenant tenant for requests that carry none (single-tenant deployments)
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(String serviceName, @DefaultValue("default") String defaultTenant,
                               @DefaultValue Relay relay, @DefaultValue Kafka kafka) {

    public LedgerProperties {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("ledger.service-name must be set (e.g. contacts-service)");
        }
    }

    /**
     * @param enabled         whether this service relays its event store to Kafka
     * @param streamsPerRound streams with unpublished events looked at per round
     * @param eventsPerStream events of one stream published per round at most
     * @param idlePoll        wait between rounds when nothing was pending (appends in this process wake it)
     * @param leaseTtl        how long a relay lease lasts without renewal; a replica takes over after it
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("500") int streamsPerRound,
                        @DefaultValue("200") int eventsPerStream,
                        @DefaultValue("100ms") Duration idlePoll,
                        @DefaultValue("10s") Duration leaseTtl) {

        public Relay {
            if (streamsPerRound < 1 || eventsPerStream < 1) {
                throw new IllegalArgumentException("ledger.relay.streams-per-round and events-per-stream must be >= 1");
            }
        }
    }

    /**
     * @param createTopics      declare the ledger topics on start (local and test brokers; on Kubernetes the
     *                          Strimzi {@code KafkaTopic} resources own them)
     * @param partitions        partitions of each declared topic
     * @param replicationFactor replicas of each declared topic
     */
    public record Kafka(@DefaultValue("true") boolean createTopics,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor) {
    }
}
