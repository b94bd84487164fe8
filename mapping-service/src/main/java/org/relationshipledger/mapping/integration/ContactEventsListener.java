package org.relationshipledger.mapping.integration;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@link KnownContacts} from the contacts topic; account lifecycle events on the same topic are not needed. */
@Component
class ContactEventsListener {

    static final String GROUP = "mapping-service.contacts";

    private final KnownContacts knownContacts;

    ContactEventsListener(KnownContacts knownContacts) {
        this.knownContacts = knownContacts;
    }

    @KafkaListener(topics = Topics.CONTACTS, groupId = GROUP, containerFactory = "ledgerListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        if (envelope.isTombstone()) {
            return;
        }
        IntegrationEvent event = LedgerJson.read(envelope);
        if (event instanceof ContactEvent contactEvent) {
            Instant recordedAt = envelope.recordedAt() != null ? envelope.recordedAt()
                    : Instant.ofEpochMilli(record.timestamp());
            knownContacts.apply(envelope, contactEvent, recordedAt);
        }
    }
}
