package org.relationshipledger.core.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

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

    /** Runs {@code work} as {@code tenantId}, restoring whatever was bound before. */
    public static <T> T callAs(String tenantId, Supplier<T> work) {
        String previous = BOUND.get();
        BOUND.set(tenantId);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(String tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    static void bind(String tenantId) {
        BOUND.set(tenantId);
    }

    static void unbind() {
        BOUND.remove();
    }

    private static void restore(String previous) {
        if (previous == null) {
            BOUND.remove();
        } else {
            BOUND.set(previous);
        }
    }
}
