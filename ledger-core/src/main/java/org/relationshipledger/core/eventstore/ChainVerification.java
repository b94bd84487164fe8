package org.relationshipledger.core.eventstore;

/**
 * The result of checking one stream's hash chain: either intact over {@code eventsChecked} events, or broken
 * at {@code brokenAt} (the first sequence number whose stored bytes or links do not match) with the reason.
 */
public record ChainVerification(String streamId, long eventsChecked, boolean intact, Long brokenAt, String reason) {

    public static ChainVerification intact(String streamId, long eventsChecked) {
        return new ChainVerification(streamId, eventsChecked, true, null, null);
    }

    public static ChainVerification broken(String streamId, long eventsChecked, long position, String reason) {
        return new ChainVerification(streamId, eventsChecked, false, position, reason);
    }
}
