package org.relationshipledger.analytics.ledger;

import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.core.envelope.LedgerEnvelope;

/** A record read from a ledger topic and already understood: where it sat, its envelope and the event it carries. */
public record ReceivedEvent(String topic, int partition, long offset, LedgerEnvelope envelope, IntegrationEvent event) {
}
