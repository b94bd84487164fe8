package org.relationshipledger.mapping.api;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.relationshipledger.core.web.RuleViolation;

/** The {@code asOf} query parameter: an ISO-8601 instant not in the future, or absent for "now". */
final class AsOf {

    private AsOf() {
    }

    static Optional<Instant> parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("asOf",
                    "asOf must be an ISO-8601 instant such as 2026-01-31T17:00:00Z, was '" + text + "'");
        }
        if (instant.isAfter(clock.instant())) {
            throw RuleViolation.invalid("asOf", "asOf must not be in the future, was " + instant);
        }
        return Optional.of(instant);
    }

    /** A back-filled {@code validFrom} may be in the past, never in the future; absent means now. */
    static Instant validFrom(Instant validFrom, Clock clock) {
        Instant now = clock.instant();
        if (validFrom == null) {
            return now;
        }
        if (validFrom.isAfter(now)) {
            throw RuleViolation.invalid("validFrom", "validFrom must not be in the future, was " + validFrom);
        }
        return validFrom;
    }
}
