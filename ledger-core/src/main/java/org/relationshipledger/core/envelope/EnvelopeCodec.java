package org.relationshipledger.core.envelope;

import static org.relationshipledger.contracts.EnvelopeAttributes.ACCOUNT_ID;
import static org.relationshipledger.contracts.EnvelopeAttributes.CORRELATION_ID;
import static org.relationshipledger.contracts.EnvelopeAttributes.HASH;
import static org.relationshipledger.contracts.EnvelopeAttributes.PREVIOUS_HASH;
import static org.relationshipledger.contracts.EnvelopeAttributes.REVISION;
import static org.relationshipledger.contracts.EnvelopeAttributes.SEQUENCE;
import static org.relationshipledger.contracts.EnvelopeAttributes.STREAM_ID;
import static org.relationshipledger.contracts.EnvelopeAttributes.STREAM_TYPE;
import static org.relationshipledger.contracts.EnvelopeAttributes.TENANT_ID;

import java.net.URI;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Writes and reads the envelope as CloudEvents 1.0 in Kafka binary mode (ADR 0005): attributes in
 * {@code ce_*} headers, the JSON payload as the record value, so any CloudEvents-aware consumer can read it.
 */
public final class EnvelopeCodec {

    private static final String JSON = "application/json";

    private EnvelopeCodec() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, LedgerEnvelope envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.eventId())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withTime(envelope.recordedAt().atOffset(ZoneOffset.UTC))
                .withSubject(envelope.accountId())
                .withExtension(REVISION, Integer.toString(envelope.revision()))
                .withExtension(ACCOUNT_ID, envelope.accountId())
                .withExtension(STREAM_ID, envelope.streamId())
                .withExtension(STREAM_TYPE, envelope.streamType())
                .withExtension(SEQUENCE, Long.toString(envelope.sequence()))
                .withExtension(TENANT_ID, envelope.tenantId())
                .withExtension(HASH, envelope.hash())
                .withExtension(PREVIOUS_HASH, envelope.previousHash());
        if (envelope.correlationId() != null) {
            builder.withExtension(CORRELATION_ID, envelope.correlationId());
        }
        if (envelope.data() != null) {
            builder.withDataContentType(JSON).withData(envelope.data());
        }
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, key)
                .writeBinary(builder.build());
        if (envelope.data() == null) {
            // A tombstone must have a null value for compaction to drop the key; keep the headers.
            return new ProducerRecord<>(topic, null, null, key, null, record.headers());
        }
        return record;
    }

    /** @throws io.cloudevents.rw.CloudEventRWException if the record is not a CloudEvent (a poison record) */
    public static LedgerEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        CloudEventData data = event.getData();
        return new LedgerEnvelope(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                Integer.parseInt(required(event, REVISION)),
                event.getTime() == null ? null : event.getTime().toInstant(),
                required(event, ACCOUNT_ID),
                required(event, STREAM_ID),
                extension(event, STREAM_TYPE),
                Long.parseLong(required(event, SEQUENCE)),
                extension(event, TENANT_ID),
                extension(event, CORRELATION_ID),
                extension(event, HASH),
                extension(event, PREVIOUS_HASH),
                data == null ? null : data.toBytes());
    }

    private static String required(CloudEvent event, String name) {
        String value = extension(event, name);
        if (value == null) {
            throw new IllegalArgumentException("record " + event.getId() + " lacks envelope attribute " + name);
        }
        return value;
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
