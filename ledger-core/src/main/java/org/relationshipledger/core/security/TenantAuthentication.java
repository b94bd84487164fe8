package org.relationshipledger.core.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated caller: the token, its roles and the tenant it acts for. */
public final class TenantAuthentication extends JwtAuthenticationToken {

    private final String tenantId;

    TenantAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String tenantId) {
        super(jwt, authorities, jwt.getSubject());
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
