package org.relationshipledger.analytics.audit.chain;

/**
 * The chain check of one stream as analytics received it: intact, or the first position at which it breaks.
 *
 * @param brokenAt the sequence number of the first event that does not link to its predecessor, or of the first
 *                 missing one; null when intact
 */
public record StreamVerification(String streamId, String streamType, int eventsChecked, boolean intact,
                                 Long brokenAt, String reason) {
}
