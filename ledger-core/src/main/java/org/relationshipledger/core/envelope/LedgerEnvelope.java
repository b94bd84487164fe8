package org.relationshipledger.core.envelope;

import java.time.Instant;

/**
 * What every Kafka record of the ledger carries besides its payload (see {@code EnvelopeAttributes} in
 * ledger-contracts for the header names). {@code data} is the JSON payload, null for a tombstone.
 */
public record LedgerEnvelope(
        String eventId,
        String source,
        String type,
        int revision,
        Instant recordedAt,
        String accountId,
        String streamId,
        String streamType,
        long sequence,
        String tenantId,
        String correlationId,
        String hash,
        String previousHash,
        byte[] data) {

    public boolean isTombstone() {
        return data == null;
    }
}
