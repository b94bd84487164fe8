package org.relationshipledger.engagement.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** How long a ticket of each severity may stay unresolved before its SLA is breached. */
public record SlaPolicy(Map<Severity, Duration> targets) {

    public SlaPolicy {
        targets = new EnumMap<>(Objects.requireNonNull(targets, "targets"));
        Duration lessSevere = null;
        for (Severity severity : Severity.values()) {
            Duration target = targets.get(severity);
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("SLA target for " + severity + " must be a positive duration");
            }
            // Otherwise escalating a ticket would postpone its deadline.
            if (lessSevere != null && target.compareTo(lessSevere) > 0) {
                throw new IllegalArgumentException("SLA target for " + severity
                        + " must not be longer than for a less severe ticket");
            }
            lessSevere = target;
        }
    }

    public Instant dueAt(Instant openedAt, Severity severity) {
        return openedAt.plus(targets.get(severity));
    }
}
