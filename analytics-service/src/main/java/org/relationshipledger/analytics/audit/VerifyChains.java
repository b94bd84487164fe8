package org.relationshipledger.analytics.audit;

/** The hash-chain check of every stream that touches the account. */
public record VerifyChains(String accountId) {
}
