package org.relationshipledger.contracts;

import java.time.Instant;

/**
 * A fact published to other services. The time it was recorded travels in the envelope
 * ({@code ce_time}); {@link #validFrom()} is when the fact holds in the client's world (the recorded
 * time unless the fact was back-filled), so valid-time views never need history rewritten.
 */
public sealed interface IntegrationEvent permits AccountEvent, ContactEvent, MappingEvent, EngagementEvent {

    String accountId();

    Instant validFrom();
}
