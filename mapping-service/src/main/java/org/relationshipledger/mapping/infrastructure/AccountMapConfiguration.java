package org.relationshipledger.mapping.infrastructure;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded account maps in memory between commands: loading one otherwise replays its whole stream, and on the
 * embedded MongoDB-wire server that read is a scan. A stale entry (another replica appended) fails the append
 * with a concurrency conflict (409) and is evicted, so the cache never decides on old state twice (ADR 0026).
 */
@Configuration(proxyBeanMethods = false)
class AccountMapConfiguration {

    @Bean
    Cache accountMapCache(@Value("${mapping.aggregate-cache.accounts:500}") long accounts) {
        return new BoundedCache(accounts);
    }
}
