package org.relationshipledger.engagement.infrastructure;

import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.textkeys.MongoTextKeys;
import org.relationshipledger.engagement.textkeys.TinkTextVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * Records' data keys live in the service database, in a collection of their own, wrapped with the key-encryption
 * key {@code engagement.free-text.key-encryption-key} when one is configured (ADR 0034).
 */
@Configuration(proxyBeanMethods = false)
class FreeTextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FreeTextConfiguration.class);

    @Bean
    TextVault textVault(MongoDatabase ledgerDatabase,
                        @Value("${engagement.free-text.key-encryption-key:}") String keyEncryptionKey) {
        if (keyEncryptionKey.isBlank()) {
            log.warn("engagement.free-text.key-encryption-key is not set: records' data keys are stored unwrapped");
        }
        return TinkTextVault.over(new MongoTextKeys(ledgerDatabase), keyEncryptionKey);
    }
}
