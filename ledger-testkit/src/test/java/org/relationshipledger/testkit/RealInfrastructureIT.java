package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

@WithRealInfrastructure
class RealInfrastructureIT {

    private final Infrastructure infrastructure = RealInfrastructure.get();

    @Test
    void choosesServersInThisJvmOnLoopbackWhenThereIsNeitherAVariableNorDocker() {
        assumeTrue(System.getenv("MONGODB_URI") == null && System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null);
        assumeFalse(DockerClientFactory.instance().isDockerAvailable());

        assertThat(infrastructure.kind()).isEqualTo("in-process");
        assertThat(infrastructure.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(infrastructure.mongoUri()).startsWith("mongodb://127.0.0.1:");
    }

    @Test
    void readsBackARecordThatAnIdempotentProducerSentToANewTopic() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = idempotentProducer()) {
            producer.send(new ProducerRecord<>(topic, "account-1", "opened".getBytes(StandardCharsets.UTF_8))).get();
        }

        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(infrastructure.kafkaBootstrapServers())) {
            records = consumer.readUntil(read -> !read.isEmpty(), Duration.ofSeconds(30), topic);
        }

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("account-1");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("opened");
        });
    }

    @Test
    void findsADocumentInsertedThroughTheSharedClient() {
        MongoCollection<Document> contacts = collection("contacts");

        contacts.insertOne(new Document("_id", "c-1").append("name", "Ada"));

        assertThat(contacts.find(Filters.eq("name", "Ada")).first()).containsEntry("_id", "c-1");
    }

    @Test
    void rejectsASecondDocumentWithTheSameUniqueKey() {
        MongoCollection<Document> events = collection("events");
        events.createIndex(Indexes.ascending("aggregateId", "sequence"), new IndexOptions().unique(true));
        events.insertOne(new Document("aggregateId", "a-1").append("sequence", 0));

        assertThatThrownBy(() -> events.insertOne(new Document("aggregateId", "a-1").append("sequence", 0)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(events.countDocuments()).isOne();
    }

    @Test
    void givesTwoTestClassesTheSameServersAndPublishesThemToBoth() {
        Map<String, String> expected = RealInfrastructureExtension.systemProperties(infrastructure);
        expected.keySet().forEach(System::clearProperty);
        SEEN.clear();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        expected.forEach(System::setProperty);
        assertThat(SEEN).hasSize(2).allSatisfy(seen -> {
            assertThat(seen.infrastructure()).isSameAs(infrastructure);
            assertThat(seen.systemProperties()).isEqualTo(expected);
        });
    }

    @Test
    void publishesTheAddressesBeforeAPerClassTestInstanceIsBuilt() {
        Map<String, String> expected = RealInfrastructureExtension.systemProperties(infrastructure);
        expected.keySet().forEach(System::clearProperty);
        SEEN.clear();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PerClassInstance.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        expected.forEach(System::setProperty);
        assertThat(SEEN).singleElement().satisfies(seen -> assertThat(seen.systemProperties()).isEqualTo(expected));
    }

    private MongoCollection<Document> collection(String name) {
        return infrastructure.mongoClient().getDatabase(infrastructure.uniqueDatabaseName("it")).getCollection(name);
    }

    private KafkaProducer<String, byte[]> idempotentProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private record Seen(Infrastructure infrastructure, Map<String, String> systemProperties) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    /** Clears the properties afterwards, so the next class sees them only if its own beforeAll set them. */
    private static void recordWhatThisClassSees() {
        Map<String, String> properties = new HashMap<>();
        for (String name : RealInfrastructureExtension.systemProperties(RealInfrastructure.get()).keySet()) {
            properties.put(name, System.clearProperty(name));
        }
        SEEN.add(new Seen(RealInfrastructure.get(), properties));
    }

    // Run only through EngineTestKit above: static nested classes are neither @Nested nor picked up by failsafe.
    @WithRealInfrastructure
    static class FirstClass {
        @Test
        void recordsItsServers() {
            recordWhatThisClassSees();
        }
    }

    @WithRealInfrastructure
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        // Stands in for a Spring context, which a PER_CLASS instance builds before any beforeAll callback runs.
        PerClassInstance() {
            recordWhatThisClassSees();
        }

        @Test
        void constructed() {
        }
    }

    @WithRealInfrastructure
    static class SecondClass {
        @Test
        void recordsItsServers() {
            recordWhatThisClassSees();
        }
    }
}
