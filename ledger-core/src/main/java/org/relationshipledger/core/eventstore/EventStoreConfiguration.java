package org.relationshipledger.core.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.relationshipledger.contracts.ContactProfile;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.core.LedgerProperties;
import org.relationshipledger.core.envelope.LedgerJson;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * Axon on the service's MongoDB database, wired by hand (ADR 0002): Axon's Mongo storage engine wrapped to add
 * the hash chain and outbox intents, a Mongo token store, wire-name JSON serialisation, and subscribing event processors for in-service views (read-your-writes; Axon's
 * Mongo tracking can skip late commits, AxonFramework#708). No multi-document transactions are used anywhere:
 * with no Spring transaction manager present, Axon's own auto-configuration supplies its no-op one.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(LedgerProperties.class)
public class EventStoreConfiguration {


    /** The service's own database ({@code spring.data.mongodb.database}); no service reads another's. */
    @Bean
    MongoDatabase ledgerDatabase(MongoClient client, MongoProperties mongo) {
        return client.getDatabase(mongo.getMongoClientDatabase());
    }

    @Bean
    @Primary
    Serializer serializer(BeanFactory beanFactory) {
        Serializer json = JacksonSerializer.builder()
                .objectMapper(LedgerJson.mapper())
                .revisionResolver(WireNameSerializer.revisionResolver())
                .build();
        // The published language comes from its catalog, not a scan: a scan would also find test copies that
        // consumers' test class paths carry.
        List<Class<?>> types = new ArrayList<>(StoredEventTypes.in(AutoConfigurationPackages.get(beanFactory)));
        types.addAll(EventCatalog.integrationEventTypes());
        types.add(ContactProfile.class);
        return new WireNameSerializer(json, types);
    }

    @Bean
    DefaultMongoTemplate axonMongoTemplate(MongoDatabase ledgerDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(ledgerDatabase).build();
    }

    @Bean
    StoredEvents storedEvents(DefaultMongoTemplate axonMongoTemplate, Serializer serializer,
                              ObjectProvider<EventUpcaster> upcasters) {
        return new StoredEvents(axonMongoTemplate.eventCollection(), serializer, upcasterChain(upcasters));
    }

    @Bean
    EventStorageEngine eventStorageEngine(DefaultMongoTemplate axonMongoTemplate, Serializer serializer,
                                          ObjectProvider<EventUpcaster> upcasters, StoredEvents storedEvents,
                                          AppendIntents appendIntents) {
        MongoEventStorageEngine mongo = LedgerEventStorageEngine.mongoEngine(axonMongoTemplate, serializer,
                upcasterChain(upcasters));
        return new LedgerEventStorageEngine(mongo, serializer, storedEvents, appendIntents);
    }

    @Bean
    TokenStore tokenStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    ChainVerifier chainVerifier(StoredEvents storedEvents) {
        return new ChainVerifier(storedEvents);
    }

    @Bean
    ConfigurerModule subscribingEventProcessors() {
        return configurer -> configurer.eventProcessing().usingSubscribingEventProcessors();
    }

    private static EventUpcasterChain upcasterChain(ObjectProvider<EventUpcaster> upcasters) {
        return new EventUpcasterChain(upcasters.orderedStream().toList());
    }
}
