package org.relationshipledger.analytics.infrastructure;

import org.relationshipledger.analytics.ledger.AccountLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
class LedgerConfiguration {

    @Bean
    AccountLedger accountLedger(MongoDatabase ledgerDatabase, ScoringProperties scoring,
                                @Value("${analytics.ledger.folded-accounts:10000}") long foldedAccounts) {
        return new AccountLedger(ledgerDatabase, scoring.toModel(), AccountLedger.activeGeneration(ledgerDatabase),
                foldedAccounts);
    }

    /** How the live path kept views current: one apply per event, or a refold of the account's whole log. */
    @Bean
    MeterBinder accountFoldMeters(AccountLedger ledger) {
        return registry -> {
            FunctionCounter.builder("analytics.ledger.folds", ledger, AccountLedger::foldsApplied)
                    .tag("kind", "applied").description("events applied to an account fold held in memory")
                    .register(registry);
            FunctionCounter.builder("analytics.ledger.folds", ledger, AccountLedger::refolds)
                    .tag("kind", "refolded").description("refolds of an account's whole log")
                    .register(registry);
        };
    }
}
