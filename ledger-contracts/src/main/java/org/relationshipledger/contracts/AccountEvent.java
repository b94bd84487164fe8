package org.relationshipledger.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Lifecycle and contract facts about an account, published by contacts-service on
 * {@link Topics#CONTACTS} beside the contact events, so one partition (keyed by account id) orders
 * an account's opening before its contacts.
 *
 * <p>Money travels as a decimal string (with a separate ISO 4217 currency) so that no consumer,
 * in any language, reads it through a binary floating-point number.
 */
public sealed interface AccountEvent extends IntegrationEvent {

    /** Commercial tier of the account; drives coverage expectations and KPI breakdowns. */
    enum Segment { STRATEGIC, ENTERPRISE, MID_MARKET, SMB }

    /** Why a client left; a closed list so churn KPIs can group by it and no free text leaks PII. */
    enum ChurnReason {
        PRICE, PRODUCT_FIT, SERVICE_QUALITY, COMPETITOR, BUDGET_CUT, CHAMPION_LEFT,
        MERGER_OR_ACQUISITION, BUSINESS_CLOSED, OTHER
    }

    /**
     * A client organisation becomes an account. {@code name} is the company's name, not a person's.
     *
     * @param industry optional, free-form sector label such as {@code Logistics}
     * @param region optional, sales region such as {@code EMEA}
     */
    @EventType(name = "contacts.AccountOpened", revision = 1)
    record AccountOpened(String accountId, String name, String industry, Segment segment, String region,
                         Instant validFrom) implements AccountEvent {
        public AccountOpened {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The annual contract value changed outside a renewal (upsell, downgrade, correction). */
    @EventType(name = "contacts.ContractValueChanged", revision = 1)
    record ContractValueChanged(String accountId,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal annualValue,
                                String currency, Instant validFrom) implements AccountEvent {
        public ContractValueChanged {
            Objects.requireNonNull(accountId, "accountId");
            Require.nonNegative(annualValue, "annualValue");
            Require.currency(currency);
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The contract was renewed; gross revenue retention compares this value with the previous one. */
    @EventType(name = "contacts.AccountRenewed", revision = 1)
    record AccountRenewed(String accountId, LocalDate renewedUntil,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal annualValue,
                          String currency, Instant validFrom) implements AccountEvent {
        public AccountRenewed {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(renewedUntil, "renewedUntil");
            Require.nonNegative(annualValue, "annualValue");
            Require.currency(currency);
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** The client left. The account's history stays; only a {@link AccountReopened} brings it back. */
    @EventType(name = "contacts.AccountChurned", revision = 1)
    record AccountChurned(String accountId, ChurnReason reason, Instant validFrom) implements AccountEvent {
        public AccountChurned {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }

    /** A churned client came back; retention KPIs count it as won back, not as a new account. */
    @EventType(name = "contacts.AccountReopened", revision = 1)
    record AccountReopened(String accountId, Instant validFrom) implements AccountEvent {
        public AccountReopened {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(validFrom, "validFrom");
        }
    }
}
