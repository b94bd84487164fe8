package org.relationshipledger.core.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do, from its {@code roles} claim. Reads need any role; writes need {@link #EDITOR};
 * audit endpoints need {@link #AUDITOR}; erasure and replays need {@link #ADMIN}. Admin may also write and read.
 */
public enum LedgerRole {
    VIEWER, EDITOR, AUDITOR, ADMIN;

    /** Spring Security authority name, e.g. {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value names ({@code "editor"}, case-insensitive); unknown names grant nothing. */
    public static Optional<LedgerRole> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static String[] names(LedgerRole... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
