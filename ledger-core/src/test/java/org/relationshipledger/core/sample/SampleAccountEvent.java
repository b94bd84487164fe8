package org.relationshipledger.core.sample;

import java.math.BigDecimal;
import java.time.Instant;

import org.relationshipledger.contracts.EventType;

/** Stored events of the sample aggregate the core's tests drive. */
public sealed interface SampleAccountEvent {

    String accountId();

    @EventType(name = "sample.SampleAccount.Opened")
    record Opened(String accountId, String name, Instant validFrom) implements SampleAccountEvent {
    }

    @EventType(name = "sample.SampleAccount.ValueChanged")
    record ValueChanged(String accountId, BigDecimal annualValue, Instant validFrom) implements SampleAccountEvent {
    }
}
