package org.relationshipledger.analytics.audit;

/** Every event of the account with its envelope, in recorded order. */
public record FindAuditTrail(String accountId) {
}
