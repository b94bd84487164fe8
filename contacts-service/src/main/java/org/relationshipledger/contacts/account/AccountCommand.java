package org.relationshipledger.contacts.account;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * What can be asked of an {@link Account}. {@code expectedVersion} is the version the caller last saw; null means
 * "whatever is current", a stale one is refused as a conflict.
 */
public sealed interface AccountCommand {

    String accountId();

    record OpenAccount(@TargetAggregateIdentifier String accountId, String name, String industry, Segment segment,
                       String region) implements AccountCommand {
    }

    record ChangeContractValue(@TargetAggregateIdentifier String accountId, BigDecimal annualValue, String currency,
                               @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record RenewAccount(@TargetAggregateIdentifier String accountId, LocalDate renewedUntil, BigDecimal annualValue,
                        String currency, @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record ChurnAccount(@TargetAggregateIdentifier String accountId, ChurnReason reason,
                        @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record ReopenAccount(@TargetAggregateIdentifier String accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }
}
