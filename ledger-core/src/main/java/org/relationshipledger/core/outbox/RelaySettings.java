package org.relationshipledger.core.outbox;

import java.time.Duration;

/**
 * @param source          CloudEvents source of every record, e.g. {@code /relationship-ledger/contacts-service}
 * @param defaultTenantId tenant stamped on events recorded without one
 * @param streamsPerRound how many streams with unpublished events one round looks at
 * @param eventsPerStream how many events of one stream one round publishes at most
 * @param idlePoll        how long the relay waits for new events before looking again (appends in this
 *                        process wake it at once)
 */
public record RelaySettings(String source, String defaultTenantId, int streamsPerRound, int eventsPerStream,
                            Duration idlePoll) {
}
