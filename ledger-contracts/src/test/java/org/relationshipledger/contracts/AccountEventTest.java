package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.AccountRenewed;
import org.relationshipledger.contracts.AccountEvent.ContractValueChanged;
import org.relationshipledger.contracts.AccountEvent.Segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AccountEventTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void opensAnAccountWithoutIndustryOrRegion() {
        var opened = new AccountOpened(ACCOUNT, "Nordhafen Logistics AG", null, Segment.MID_MARKET, null, AT);

        assertThat(opened.industry()).isNull();
        assertThat(opened.region()).isNull();
    }

    @Test
    void rejectsAnAccountWithoutSegment() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AccountOpened(ACCOUNT, "Nordhafen Logistics AG", "Logistics", null, "EMEA", AT))
                .withMessage("segment");
    }

    @Test
    void rejectsANegativeContractValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContractValueChanged(ACCOUNT, new BigDecimal("-1.00"), "EUR", AT))
                .withMessage("annualValue must not be negative, was -1.00");
    }

    @Test
    void acceptsAZeroContractValueForAFreePilot() {
        assertThat(new ContractValueChanged(ACCOUNT, BigDecimal.ZERO, "EUR", AT).annualValue()).isZero();
    }

    @Test
    void rejectsACurrencyThatIsNotAThreeLetterIsoCode() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContractValueChanged(ACCOUNT, new BigDecimal("1000"), "eur", AT))
                .withMessageContaining("ISO 4217");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccountRenewed(ACCOUNT, LocalDate.of(2027, 12, 31), new BigDecimal("1000"),
                        "EURO", AT))
                .withMessageContaining("currency");
    }

    @Test
    void rejectsARenewalWithoutAnEndDate() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AccountRenewed(ACCOUNT, null, new BigDecimal("1000"), "EUR", AT))
                .withMessage("renewedUntil");
    }

    @Test
    void keepsTheScaleOfMoneyOnTheWire() throws Exception {
        var changed = new ContractValueChanged(ACCOUNT, new BigDecimal("184500.00"), "EUR", AT);

        String json = ContractSamples.mapper().writeValueAsString(changed);

        assertThat(json).contains("\"annualValue\":\"184500.00\"");
        assertThat(ContractSamples.mapper().readValue(json, ContractValueChanged.class)).isEqualTo(changed);
    }
}
