package org.relationshipledger.analytics.integration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.relationshipledger.analytics.ledger.ReceivedEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;

/** Turns a topic record into an understood event, or says precisely why it cannot be one. */
final class RecordReader {

    private RecordReader() {
    }

    /**
     * @throws IllegalArgumentException                                    if the envelope is incomplete or disagrees
     *                                                                     with its payload
     * @throws org.relationshipledger.core.envelope.UnknownEventTypeException for a wire name or revision not in the
     *                                                                     catalog
     */
    static ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        if (envelope.isTombstone()) {
            throw new IllegalArgumentException("record " + envelope.eventId() + " has no payload");
        }
        if (envelope.recordedAt() == null) {
            throw new IllegalArgumentException("record " + envelope.eventId() + " has no recorded time");
        }
        IntegrationEvent event = LedgerJson.read(envelope);
        if (!event.accountId().equals(envelope.accountId())) {
            throw new IllegalArgumentException("record " + envelope.eventId() + " is enveloped for account "
                    + envelope.accountId() + " but its payload is about " + event.accountId());
        }
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), envelope, event);
    }
}
