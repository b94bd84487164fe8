package org.relationshipledger.core.tenancy;

import static org.relationshipledger.contracts.EnvelopeAttributes.ACCOUNT_ID;
import static org.relationshipledger.contracts.EnvelopeAttributes.HEADER_PREFIX;
import static org.relationshipledger.contracts.EnvelopeAttributes.TENANT_ID;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Around every consumed record: learns the account's owner from the envelope (first claim wins) and binds the
 * tenant to the thread, so commands a listener sends carry it. A record that names a different tenant for an
 * account someone else owns is refused as poison (parked in dead letters): data never crosses tenants.
 */
public final class TenantBinding implements RecordInterceptor<String, byte[]> {

    private final AccountTenancy tenancy;

    public TenantBinding(AccountTenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public ConsumerRecord<String, byte[]> intercept(ConsumerRecord<String, byte[]> record,
                                                    Consumer<String, byte[]> consumer) {
        String accountId = header(record, ACCOUNT_ID);
        String tenantId = header(record, TENANT_ID);
        String tenant = tenantId == null || tenantId.isBlank() ? tenancy.defaultTenant() : tenantId;
        if (accountId != null && !tenancy.claim(accountId, tenant)) {
            throw new TenantMismatchException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " names tenant " + tenant + " for an account another tenant owns");
        }
        Tenants.bind(tenant);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        Tenants.unbind();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        Tenants.unbind();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String attribute) {
        Header header = record.headers().lastHeader(HEADER_PREFIX + attribute);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Not retryable: the record will never belong to the account's tenant. */
    public static final class TenantMismatchException extends IllegalArgumentException {
        TenantMismatchException(String message) {
            super(message);
        }
    }
}
