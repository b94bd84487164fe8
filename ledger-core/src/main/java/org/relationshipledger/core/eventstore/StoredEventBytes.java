package org.relationshipledger.core.eventstore;

/**
 * The fields of one stored event that the hash chain covers, as they are (or will be) in the event store:
 * the payload is the serialised JSON text, the timestamp the store's ISO-8601 string.
 */
public record StoredEventBytes(
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String timestamp,
        String payloadType,
        String payloadRevision,
        String payload) {
}
