package org.relationshipledger.core.outbox;

import java.time.Duration;
import java.util.function.Function;

/**
 * @param source          CloudEvents source of every record, e.g. {@code /relationship-ledger/contacts-service}
 * @param defaultTenantId tenant of accounts no one has claimed
 * @param streamsPerRound how many streams with unpublished events one round looks at
 * @param eventsPerStream how many events of one stream one round publishes at most
 * @param idlePoll        how long the relay waits for new events before looking again (appends in this
 *                        process wake it at once)
 * @param tenantOfAccount tenant stamped on an event recorded without one (a scheduled sweep, a migration), by the
 *                        event's account
 */
public record RelaySettings(String source, String defaultTenantId, int streamsPerRound, int eventsPerStream,
                            Duration idlePoll, Function<String, String> tenantOfAccount) {

    /** Settings for a single-tenant relay: events without a tenant get {@code defaultTenantId}. */
    public RelaySettings(String source, String defaultTenantId, int streamsPerRound, int eventsPerStream,
                         Duration idlePoll) {
        this(source, defaultTenantId, streamsPerRound, eventsPerStream, idlePoll, account -> defaultTenantId);
    }
}
