package org.relationshipledger.analytics.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import org.relationshipledger.core.web.RuleViolation;

/**
 * Reads the time parameters every query shares, refusing bad ones with the parameter's name, so that each
 * controller turns strings into its query record in one line and every refusal reads the same.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or a date meaning its start in UTC; null when absent. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notADate) {
                throw RuleViolation.invalid(field, "must be an ISO-8601 instant (2026-01-31T00:00:00Z) or date");
            }
        }
    }

    /** A positive ISO-8601 duration or period of days such as {@code P1D}, {@code PT6H} or {@code P1W}. */
    public static Duration step(String field, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Duration step;
        try {
            step = Duration.parse(text);
        } catch (DateTimeException notADuration) {
            try {
                Period period = Period.parse(text);
                if (period.getMonths() != 0 || period.getYears() != 0) {
                    throw RuleViolation.invalid(field, "months and years have no fixed length; use days or weeks");
                }
                step = Duration.ofDays(period.getDays());
            } catch (DateTimeException notAPeriod) {
                throw RuleViolation.invalid(field, "must be an ISO-8601 duration such as P1D");
            }
        }
        if (step.isNegative() || step.isZero()) {
            throw RuleViolation.invalid(field, "must be positive");
        }
        return step;
    }

    public static void requireOrdered(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw RuleViolation.invalid("from", "must not be after to");
        }
    }

    public static <E extends Enum<E>> E choice(String field, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
        }
        throw RuleViolation.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
