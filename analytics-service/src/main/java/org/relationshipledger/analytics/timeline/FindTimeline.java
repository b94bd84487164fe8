package org.relationshipledger.analytics.timeline;

public record FindTimeline(String accountId) {
}
