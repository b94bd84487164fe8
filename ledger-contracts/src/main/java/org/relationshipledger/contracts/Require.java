package org.relationshipledger.contracts;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Precondition checks shared by the compact constructors, so every event rejects the same bad input
 * with the same message shape: a producer finds out at construction, not a consumer at replay.
 */
final class Require {

    private static final Pattern ISO_CURRENCY = Pattern.compile("[A-Z]{3}");

    private Require() {
    }

    static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "%s must be between %d and %d, was %d".formatted(field, min, max, value));
        }
        return value;
    }

    static void different(Object first, Object second, String firstField, String secondField) {
        if (Objects.equals(first, second)) {
            throw new IllegalArgumentException(
                    "%s and %s must differ, both were %s".formatted(firstField, secondField, first));
        }
    }

    static BigDecimal nonNegative(BigDecimal amount, String field) {
        Objects.requireNonNull(amount, field);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("%s must not be negative, was %s".formatted(field, amount));
        }
        return amount;
    }

    static String currency(String currency) {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "currency must be a 3-letter ISO 4217 code such as EUR, was '%s'".formatted(currency));
        }
        return currency;
    }
}
