package org.relationshipledger.core;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.core.eventstore.LedgerEventStorageEngine;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.eventstore.WireNameSerializer;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.core.outbox.OutboxConfiguration;
import org.relationshipledger.core.outbox.OutboxIntents;
import org.relationshipledger.core.outbox.OutboxRelay;
import org.relationshipledger.core.outbox.PublishListener;
import org.relationshipledger.core.outbox.RelayLease;
import org.relationshipledger.core.outbox.RelayMetrics;
import org.relationshipledger.core.outbox.RelaySettings;
import org.relationshipledger.core.sample.SampleAccountEvent;
import org.relationshipledger.testkit.Infrastructure;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The ledger's write side assembled by hand on real servers, without Spring, so a test can run several relays
 * (replicas, restarts) against one store and append events with any timestamp.
 */
public final class LedgerStoreFixture {

    private final Infrastructure infrastructure;
    private final MongoDatabase database;
    private final Serializer serializer;
    private final StoredEvents storedEvents;
    private final OutboxIntents intents;
    private final LedgerEventStorageEngine engine;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.systemUTC();
    private volatile OutboxRelay wakeTarget;

    public LedgerStoreFixture(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.database = infrastructure.mongoClient().getDatabase(infrastructure.uniqueDatabaseName("core"));
        this.serializer = new WireNameSerializer(JacksonSerializer.builder()
                .objectMapper(LedgerJson.mapper())
                .revisionResolver(WireNameSerializer.revisionResolver())
                .build(), List.of(SampleAccountEvent.Opened.class, SampleAccountEvent.ValueChanged.class));
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        this.storedEvents = new StoredEvents(template.eventCollection(), serializer, null);
        this.intents = new OutboxIntents(database, clock, () -> {
            OutboxRelay relay = wakeTarget;
            if (relay != null) {
                relay.wake();
            }
        });
        this.engine = new LedgerEventStorageEngine(
                LedgerEventStorageEngine.mongoEngine(template, serializer, NoOpEventUpcaster.INSTANCE),
                serializer, storedEvents, intents);
    }

    public MongoDatabase database() {
        return database;
    }

    public StoredEvents storedEvents() {
        return storedEvents;
    }

    public LedgerEventStorageEngine engine() {
        return engine;
    }

    public OutboxIntents intents() {
        return intents;
    }

    public ChainVerifier verifier() {
        return new ChainVerifier(storedEvents);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public static String newAccountId() {
        return UUID.randomUUID().toString();
    }

    public DomainEventMessage<?> event(String accountId, long sequence, Instant recordedAt) {
        Object payload = sequence == 0
                ? new SampleAccountEvent.Opened(accountId, "Account " + accountId.substring(0, 8), recordedAt)
                : new SampleAccountEvent.ValueChanged(accountId, BigDecimal.valueOf(1000 + sequence), recordedAt);
        return new GenericDomainEventMessage<>("SampleAccount", accountId, sequence, payload,
                MetaData.with("tenantId", "tenant-a").and("correlationId", "corr-" + sequence), UUID.randomUUID().toString(),
                recordedAt);
    }

    public void append(String accountId, long sequence) {
        engine.appendEvents(List.of(event(accountId, sequence, clock.instant())));
    }

    public void appendStream(String accountId, int events) {
        for (long sequence = 0; sequence < events; sequence++) {
            append(accountId, sequence);
        }
    }

    public OutboxRelay relay(String owner, Duration leaseTtl, PublishListener listener) {
        OutboxRelay relay = new OutboxRelay(intents, storedEvents,
                new RelayLease(database, "fixture-relay", owner, leaseTtl, clock),
                translator(), OutboxConfiguration.producers(kafkaProperties(), "fixture-service"),
                new RelaySettings("/relationship-ledger/fixture", "default", 500, 200, Duration.ofMillis(20)),
                new RelayMetrics(registry, owner, clock), listener, clock);
        wakeTarget = relay;
        return relay;
    }

    /** Maps the sample events onto real integration events, so records carry the published language. */
    public static IntegrationEventTranslator translator() {
        return message -> switch (message.getPayload()) {
            case SampleAccountEvent.Opened opened -> List.of(Outbound.of(new AccountEvent.AccountOpened(
                    opened.accountId(), opened.name(), null, AccountEvent.Segment.STRATEGIC, null,
                    opened.validFrom())));
            case SampleAccountEvent.ValueChanged changed -> List.of(Outbound.of(new AccountEvent.ContractValueChanged(
                    changed.accountId(), changed.annualValue(), "EUR", changed.validFrom())));
            default -> List.of();
        };
    }

    private KafkaProperties kafkaProperties() {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(infrastructure.kafkaBootstrapServers()));
        return properties;
    }
}
