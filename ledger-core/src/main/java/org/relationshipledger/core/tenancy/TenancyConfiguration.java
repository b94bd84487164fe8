package org.relationshipledger.core.tenancy;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.relationshipledger.core.LedgerProperties;
import org.relationshipledger.core.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.mongodb.client.MongoDatabase;

/**
 * Tenant isolation (ADR 0060): the owner of each account, the tenant on every command and on the events it causes
 * (Axon metadata {@value Tenants#METADATA_KEY}, then the envelope's {@code ledgertenant}), and the web guard that
 * answers 404 for another tenant's account.
 */
@AutoConfiguration(after = EventStoreConfiguration.class, before = AxonAutoConfiguration.class)
public class TenancyConfiguration {

    @Bean
    AccountTenancy accountTenancy(MongoDatabase ledgerDatabase, LedgerProperties properties) {
        return new AccountTenancy(ledgerDatabase, properties.defaultTenant());
    }

    /** Commands carry the caller's tenant unless the sender set one. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> tenantOnCommands() {
        return messages -> (index, command) -> command.getMetaData().containsKey(Tenants.METADATA_KEY)
                ? command
                : Tenants.current()
                        .<CommandMessage<?>>map(tenant -> command.andMetaData(Map.of(Tenants.METADATA_KEY, tenant)))
                        .orElse(command);
    }

    /** Events inherit the tenant (and Axon's usual correlation and trace ids) from the command that caused them. */
    @Bean
    CorrelationDataProvider ledgerCorrelationData() {
        return new MultiCorrelationDataProvider<>(List.of(
                new MessageOriginProvider(), new SimpleCorrelationDataProvider(Tenants.METADATA_KEY)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web implements WebMvcConfigurer {

        private final AccountTenancy tenancy;
        private final ObjectProvider<ResourceOwner> owners;

        Web(AccountTenancy tenancy, ObjectProvider<ResourceOwner> owners) {
            this.tenancy = tenancy;
            this.owners = owners;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new TenantGuard(tenancy, owners.orderedStream().toList()));
        }
    }
}
