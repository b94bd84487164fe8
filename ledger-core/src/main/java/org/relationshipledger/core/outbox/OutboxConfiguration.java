package org.relationshipledger.core.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.LedgerProperties;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.eventstore.EventStoreConfiguration;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.function.SingletonSupplier;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** The outbox relay and its bookkeeping; the relay runs only in services that publish (have a translator). */
@AutoConfiguration(after = {EventStoreConfiguration.class, KafkaAutoConfiguration.class})
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxIntents outboxIntents(MongoDatabase ledgerDatabase, Clock clock, ObjectProvider<OutboxRelay> relay) {
        // Resolved once, on the first append: a bean lookup per append showed up in the append profile.
        Supplier<Optional<OutboxRelay>> local = SingletonSupplier.of(() -> Optional.ofNullable(relay.getIfAvailable()));
        return new OutboxIntents(ledgerDatabase, clock, () -> local.get().ifPresent(OutboxRelay::wake));
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnBean(IntegrationEventTranslator.class)
    @ConditionalOnProperty(name = "ledger.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxIntents intents, StoredEvents storedEvents, IntegrationEventTranslator translator,
                            MongoDatabase ledgerDatabase, KafkaProperties kafka, LedgerProperties properties,
                            MeterRegistry registry, Clock clock, AccountTenancy tenancy) {
        LedgerProperties.Relay relay = properties.relay();
        String owner = System.getenv().getOrDefault("HOSTNAME", "local") + "-" + UUID.randomUUID();
        return new OutboxRelay(intents, storedEvents,
                new RelayLease(ledgerDatabase, properties.serviceName() + "-relay", owner, relay.leaseTtl(), clock),
                translator, producers(kafka, properties.serviceName()),
                new RelaySettings("/relationship-ledger/" + properties.serviceName(), properties.defaultTenant(),
                        relay.streamsPerRound(), relay.eventsPerStream(), relay.idlePoll(), tenancy::tenantOf),
                new RelayMetrics(registry, properties.serviceName(), clock), PublishListener.NONE, clock);
    }

    /** Producer settings the relay's guarantees rest on; configuration may tune others, never these. */
    public static Supplier<Producer<String, byte[]>> producers(KafkaProperties kafka, String serviceName) {
        Map<String, Object> config = producerConfig(kafka, serviceName);
        return () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public static Map<String, Object> producerConfig(KafkaProperties kafka, String serviceName) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A relay round sends thousands of records at once: with the default 16 KiB batches the producer woke its
        // sender every ~20 records, a tenth of the relay thread's CPU (JFR, ADR 0062).
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-relay");
        return Map.copyOf(config);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics ledgerTopics(LedgerProperties properties) {
        LedgerProperties.Kafka kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(
                eventTopic(Topics.CONTACTS, kafka),
                eventTopic(Topics.MAPPING, kafka),
                eventTopic(Topics.ENGAGEMENT, kafka),
                TopicBuilder.name(Topics.CONTACT_PROFILES).partitions(kafka.partitions())
                        .replicas(kafka.replicationFactor()).compact().build());
    }

    private static NewTopic eventTopic(String name, LedgerProperties.Kafka kafka) {
        return TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
