package org.relationshipledger.contacts.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.relationshipledger.contracts.EventType;

/** Stored facts of an {@link Account}'s stream; the stream id is the account id. */
public sealed interface AccountEvent {

    String accountId();

    Instant validFrom();

    @EventType(name = "contacts.Account.AccountOpened", revision = 1)
    record AccountOpened(String accountId, String name, String industry, Segment segment, String region,
                         Instant validFrom) implements AccountEvent {
    }

    @EventType(name = "contacts.Account.ContractValueChanged", revision = 1)
    record ContractValueChanged(String accountId, BigDecimal annualValue, String currency, Instant validFrom)
            implements AccountEvent {
    }

    @EventType(name = "contacts.Account.AccountRenewed", revision = 1)
    record AccountRenewed(String accountId, LocalDate renewedUntil, BigDecimal annualValue, String currency,
                          Instant validFrom) implements AccountEvent {
    }

    @EventType(name = "contacts.Account.AccountChurned", revision = 1)
    record AccountChurned(String accountId, ChurnReason reason, Instant validFrom) implements AccountEvent {
    }

    @EventType(name = "contacts.Account.AccountReopened", revision = 1)
    record AccountReopened(String accountId, Instant validFrom) implements AccountEvent {
    }
}
