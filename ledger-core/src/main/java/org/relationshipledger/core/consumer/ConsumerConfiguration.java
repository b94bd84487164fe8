package org.relationshipledger.core.consumer;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.relationshipledger.core.envelope.UnknownEventTypeException;
import org.relationshipledger.core.eventstore.EventStoreConfiguration;
import org.relationshipledger.core.outbox.OutboxConfiguration;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.TenancyConfiguration;
import org.relationshipledger.core.tenancy.TenantBinding;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.client.MongoDatabase;

import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How ledger services consume: offsets committed only after the listener processed the records (never
 * auto-commit, which can skip records after a failure), from the earliest offset for a new group, only
 * committed transactions, a few retries for transient failures and then the record is parked in
 * {@link DeadLetters} so the partition keeps flowing. Lag and rates per consumer group via Micrometer.
 * Listeners use {@code containerFactory = "ledgerListenerFactory"} with group {@code <service>.<processing-group>}.
 */
@AutoConfiguration(after = {EventStoreConfiguration.class, OutboxConfiguration.class, KafkaAutoConfiguration.class,
        TenancyConfiguration.class})
public class ConsumerConfiguration {

    @Bean
    DeadLetters deadLetters(MongoDatabase ledgerDatabase, Clock clock) {
        return new DeadLetters(ledgerDatabase, clock);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> ledgerListenerFactory(
            KafkaProperties kafka, DeadLetters deadLetters, MeterRegistry registry, AccountTenancy tenancy) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DefaultKafkaConsumerFactory<String, byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(registry));

        DefaultErrorHandler errors = new DefaultErrorHandler(
                (record, failure) -> deadLetters.park(KafkaUtils.getConsumerGroupId(), record, failure),
                new FixedBackOff(200L, 2L));
        // A record that cannot be read will never be readable: park it at once.
        errors.addNotRetryableExceptions(UnknownEventTypeException.class, CloudEventRWException.class,
                UncheckedIOException.class, IllegalArgumentException.class);

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(errors);
        // Learns each account's tenant from the envelopes and binds it while the listener runs (ADR 0060).
        factory.setRecordInterceptor(new TenantBinding(tenancy));
        return factory;
    }
}
