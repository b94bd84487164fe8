package org.relationshipledger.core.security;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the tenant and the roles from a verified token. A token without a well-formed tenant is refused
 * (401): every request must act for exactly one tenant. Role names the ledger does not know grant nothing.
 */
final class LedgerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Tenant ids are short, printable and safe in Mongo values and log lines. */
    static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String tenantClaim;
    private final String rolesClaim;

    LedgerTokenConverter(String tenantClaim, String rolesClaim) {
        this.tenantClaim = tenantClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object tenant = jwt.getClaims().get(tenantClaim);
        if (!(tenant instanceof String tenantId) || !TENANT_ID.matcher(tenantId).matches()) {
            throw new InvalidBearerTokenException("The token carries no valid '" + tenantClaim + "' claim.");
        }
        return new TenantAuthentication(jwt, authorities(jwt), tenantId);
    }

    private List<GrantedAuthority> authorities(Jwt jwt) {
        Object claim = jwt.getClaims().get(rolesClaim);
        List<?> values = claim instanceof List<?> list ? list
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        return values.stream()
                .map(value -> LedgerRole.fromClaim(String.valueOf(value)))
                .flatMap(java.util.Optional::stream)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
