package org.relationshipledger.core.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relationshipledger.core.web.RuleViolation;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before any handler runs: an {@code {accountId}} in the path, or a resource id a {@link ResourceOwner} resolves
 * to an account, must belong to the caller's tenant — otherwise the answer is 404, exactly what an unknown
 * account gets, so one tenant cannot even learn that another's account exists.
 */
final class TenantGuard implements HandlerInterceptor {

    static final String ACCOUNT_ID = "accountId";

    private final AccountTenancy tenancy;
    private final List<ResourceOwner> owners;

    TenantGuard(AccountTenancy tenancy, List<ResourceOwner> owners) {
        this.tenancy = tenancy;
        this.owners = owners;
    }

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) {
        Optional<String> tenant = Tenants.current();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (tenant.isEmpty() || variables == null || variables.isEmpty()) {
            return true;
        }
        String accountId = variables.get(ACCOUNT_ID);
        if (accountId != null && !tenancy.visibleTo(accountId, tenant.get())) {
            throw RuleViolation.notFound(ACCOUNT_ID, "no account " + accountId);
        }
        for (ResourceOwner owner : owners) {
            String id = variables.get(owner.pathVariable());
            if (id != null && owner.accountOf().apply(id)
                    .filter(account -> !tenancy.visibleTo(account, tenant.get())).isPresent()) {
                throw RuleViolation.notFound(owner.pathVariable(), "no " + owner.noun() + " " + id);
            }
        }
        return true;
    }
}
