package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.consumer.DeadLetters;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.testkit.EmbeddedServers;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * Fault (c): poison records on the contacts topic, one of each kind in every partition: bytes that are not a
 * CloudEvent, and a well-formed CloudEvent of a type no consumer knows. Each consumer (mapping, engagement,
 * analytics) parks them in its dead letters, and the records behind them, for every other account, keep flowing.
 */
class PoisonRecordFaultIT {

    private static final Duration RECONCILE = Duration.ofMinutes(2);

    private final LedgerHttp http = new LedgerHttp();

    @Test
    void parksPoisonRecordsInDeadLettersAndKeepsEveryPartitionFlowing() throws Exception {
        try (InProcessLedger ledger = InProcessLedger.start(Map.of());
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            CommandLoad load = CommandLoad.start(http, ledger.baseOf(Service.CONTACTS), Duration.ofMillis(100));
            await("load running").atMost(Duration.ofSeconds(60)).until(() -> load.acceptedCommands() >= 15);

            List<String> poisonIds = poison(ledger.kafkaBootstrapServers());
            int atPoison = load.acceptedCommands();
            await("load continues behind the poison").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acceptedCommands() >= atPoison + 30);
            load.close();

            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    ledger.baseOf(Service.ANALYTICS), http, load.accepted(), RECONCILE);

            URI analytics = ledger.baseOf(Service.ANALYTICS);
            await("analytics lists the poison records").atMost(RECONCILE).untilAsserted(() -> {
                List<String> parked = new ArrayList<>();
                for (JsonNode entry : http.ok("dead letters", http.get(analytics.resolve("/dead-letters?limit=500")))) {
                    parked.add(entry.path("topic").asText() + "-" + entry.path("partition").asInt() + "-"
                            + entry.path("offset").asLong());
                }
                assertThat(parked).containsAll(poisonIds);
            });
            for (Service consumer : List.of(Service.MAPPING, Service.ENGAGEMENT)) {
                await(consumer.serviceName() + " parks the poison records").atMost(RECONCILE).untilAsserted(() ->
                        assertThat(mongo.getDatabase(consumer.database()).getCollection(DeadLetters.COLLECTION)
                                .countDocuments(Filters.in("_id", poisonIds))).isEqualTo(poisonIds.size()));
            }
            Document reason = mongo.getDatabase(Service.MAPPING.database()).getCollection(DeadLetters.COLLECTION)
                    .find(Filters.in("_id", poisonIds)).first();
            System.out.printf("fault (c) poison records: %d parked by each of mapping, engagement, analytics "
                    + "(e.g. reason '%s'); %s%n", poisonIds.size(), reason == null ? "" : reason.get("reason"),
                    figures);
        }
    }

    /** Two poison records in every partition of the contacts topic; answers their dead-letter ids. */
    private static List<String> poison(String kafka) throws Exception {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < EmbeddedServers.DEFAULT_PARTITIONS; partition++) {
                String account = UUID.randomUUID().toString();
                RecordMetadata garbage = producer.send(new ProducerRecord<>(Topics.CONTACTS, partition, account,
                        "{\"not\": \"a cloud event\"".getBytes(StandardCharsets.UTF_8))).get();
                ids.add(Topics.CONTACTS + "-" + garbage.partition() + "-" + garbage.offset());
                byte[] data = ("{\"accountId\":\"" + account + "\"}").getBytes(StandardCharsets.UTF_8);
                LedgerEnvelope unknown = new LedgerEnvelope(UUID.randomUUID().toString(),
                        "/relationship-ledger/fault-test", "contacts.NoSuchEvent", 1, Instant.now(), account,
                        account, "Account", 0, "default", null, "00", "00", data);
                RecordMetadata stranger = producer.send(withPartition(EnvelopeCodec.toRecord(Topics.CONTACTS, account,
                        unknown), partition)).get();
                ids.add(Topics.CONTACTS + "-" + stranger.partition() + "-" + stranger.offset());
            }
        }
        return ids;
    }

    private static ProducerRecord<String, byte[]> withPartition(ProducerRecord<String, byte[]> record, int partition) {
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
    }
}
