package org.relationshipledger.analytics.replay;

/** @param projection the projection to rebuild from offset 0, such as {@code account-ledger} */
public record StartReplay(String projection) {
}
