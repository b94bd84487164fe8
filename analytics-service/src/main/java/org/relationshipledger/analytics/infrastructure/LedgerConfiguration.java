package org.relationshipledger.analytics.infrastructure;

import org.relationshipledger.analytics.ledger.AccountLedger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
class LedgerConfiguration {

    @Bean
    AccountLedger accountLedger(MongoDatabase ledgerDatabase, ScoringProperties scoring) {
        return new AccountLedger(ledgerDatabase, scoring.toModel(), AccountLedger.activeGeneration(ledgerDatabase));
    }
}
