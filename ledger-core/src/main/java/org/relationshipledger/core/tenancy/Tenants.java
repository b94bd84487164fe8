package org.relationshipledger.core.tenancy;

import java.util.Optional;

import org.relationshipledger.core.security.TenantAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant the current thread acts for: the authenticated caller's (from the token), or the tenant bound while
 * a consumer handles an event (from its envelope) so commands it sends carry the same tenant.
 */
public final class Tenants {

    /** Axon metadata key (events and commands) and analytics' field name. */
    public static final String METADATA_KEY = "tenantId";

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private Tenants() {
    }

    public static Optional<String> current() {
        String bound = BOUND.get();
        if (bound != null) {
            return Optional.of(bound);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof TenantAuthentication caller
                ? Optional.of(caller.tenantId()) : Optional.empty();
    }

    static void bind(String tenantId) {
        BOUND.set(tenantId);
    }

    static void unbind() {
        BOUND.remove();
    }
}
