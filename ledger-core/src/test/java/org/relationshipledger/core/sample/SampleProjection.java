package org.relationshipledger.core.sample;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/** A downstream projection the way services write them: envelope in, one guarded single-document update. */
@Component
public class SampleProjection {

    public static final String COLLECTION = "sample_event_counts";

    private final MongoCollection<Document> counts;

    SampleProjection(MongoDatabase ledgerDatabase) {
        this.counts = ledgerDatabase.getCollection(COLLECTION);
    }

    @KafkaListener(topics = Topics.CONTACTS, groupId = "sample-service.event-counts",
            containerFactory = "ledgerListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        IntegrationEvent event = LedgerJson.read(envelope);
        ProjectionGuard.applyOnce(counts, event.accountId(), envelope, Updates.inc("events", 1));
    }
}
