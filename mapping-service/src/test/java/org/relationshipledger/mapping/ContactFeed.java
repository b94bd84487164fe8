package org.relationshipledger.mapping;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.HashChain;
import org.relationshipledger.testkit.RealInfrastructure;

/**
 * Plays contacts-service: writes real {@code contacts.*} records to the contacts topic in the envelope its relay
 * writes (one stream per contact, sequences counting up), so mapping learns contacts the way it does in production.
 */
final class ContactFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    /** Shared by every feed in the JVM: a stream's sequence never restarts, as it never does in contacts-service. */
    private static final Map<String, Long> SEQUENCES = new ConcurrentHashMap<>();

    ContactFeed() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void added(String accountId, String contactId, String title) {
        publish(contactId, new ContactEvent.ContactAdded(accountId, contactId, title, "Finance", null,
                ContactEvent.Seniority.VP, Instant.now()));
    }

    void left(String accountId, String contactId) {
        publish(contactId, new ContactEvent.ContactLeft(accountId, contactId, Instant.now()));
    }

    void erased(String accountId, String contactId) {
        publish(contactId, new ContactEvent.ContactErased(accountId, contactId, Instant.now()));
    }

    /** Sends the very same record twice, as an at-least-once relay may after a crash. */
    void publish(String streamId, ContactEvent event) {
        long sequence = SEQUENCES.merge(streamId, 1L, Long::sum) - 1;
        LedgerEnvelope envelope = new LedgerEnvelope(UUID.randomUUID().toString(),
                "/relationship-ledger/contacts-service", EventCatalog.wireName(event.getClass()),
                EventCatalog.revision(event.getClass()), Instant.now(), event.accountId(), streamId, "Contact",
                sequence, "default", null, "hash-" + sequence, sequence == 0 ? HashChain.GENESIS : "hash-" + (sequence - 1),
                LedgerJson.write(event));
        try {
            producer.send(EnvelopeCodec.toRecord(Topics.CONTACTS, event.accountId(), envelope)).get(10, TimeUnit.SECONDS);
            producer.send(EnvelopeCodec.toRecord(Topics.CONTACTS, event.accountId(), envelope)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
