package org.relationshipledger.analytics.infrastructure;

import static org.relationshipledger.core.security.LedgerRole.ADMIN;
import static org.relationshipledger.core.security.LedgerRole.AUDITOR;
import static org.relationshipledger.core.security.LedgerRole.EDITOR;
import static org.relationshipledger.core.security.LedgerRole.VIEWER;

import org.relationshipledger.core.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Analytics is read-only, so its few POSTs are not writes: rebuilding a projection needs an admin, the what-if
 * computation changes nothing and any role may ask it; parked records are for auditors and admins (ADR 0060).
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRule replaysNeedAnAdmin() {
        return AccessRule.of(HttpMethod.POST, "/replays", ADMIN);
    }

    @Bean
    AccessRule whatIfIsARead() {
        return AccessRule.of(HttpMethod.POST, "/what-if/health", VIEWER, EDITOR, AUDITOR, ADMIN);
    }

    @Bean
    AccessRule deadLettersAreForAuditors() {
        return AccessRule.of(HttpMethod.GET, "/dead-letters", AUDITOR, ADMIN);
    }
}
