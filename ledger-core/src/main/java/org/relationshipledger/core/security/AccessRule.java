package org.relationshipledger.core.security;

import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * A service's own access rule, checked before the defaults (reads: any role; writes: editor or admin;
 * {@code /audit/**}: auditor or admin). Declare them as beans, e.g. erasure needs admin:
 * {@code AccessRule.of(HttpMethod.POST, "/contacts/*}{@code /erasure", LedgerRole.ADMIN)}.
 *
 * @param method  HTTP method, or null for every method
 * @param pattern Spring path pattern
 * @param roles   any of these roles is enough
 */
public record AccessRule(HttpMethod method, String pattern, List<LedgerRole> roles) {

    public AccessRule {
        Objects.requireNonNull(pattern, "pattern");
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an access rule needs at least one role");
        }
    }

    public static AccessRule of(HttpMethod method, String pattern, LedgerRole... roles) {
        return new AccessRule(method, pattern, List.of(roles));
    }
}
