package org.relationshipledger.contacts.infrastructure;

import org.relationshipledger.contacts.contact.IdentityVault;
import org.relationshipledger.contacts.identity.DataKeys;
import org.relationshipledger.contacts.identity.MongoDataKeys;
import org.relationshipledger.contacts.identity.TinkIdentityVault;
import org.relationshipledger.contacts.identity.WrappedDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * Contacts' data keys live in the service database, in a collection of their own, wrapped with the key-encryption
 * key {@code contacts.identity.key-encryption-key} when one is configured (ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    IdentityVault identityVault(MongoDatabase ledgerDatabase,
                                @Value("${contacts.identity.key-encryption-key:}") String keyEncryptionKey) {
        DataKeys keys = new MongoDataKeys(ledgerDatabase);
        if (keyEncryptionKey.isBlank()) {
            log.warn("contacts.identity.key-encryption-key is not set: contacts' data keys are stored unwrapped");
            return new TinkIdentityVault(keys);
        }
        return new TinkIdentityVault(new WrappedDataKeys(keys, TinkIdentityVault.keyEncryptionKey(keyEncryptionKey)));
    }
}
