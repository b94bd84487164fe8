package org.relationshipledger.contacts.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.account.AccountCommand.ChangeContractValue;
import org.relationshipledger.contacts.account.AccountCommand.ChurnAccount;
import org.relationshipledger.contacts.account.AccountCommand.OpenAccount;
import org.relationshipledger.contacts.account.AccountCommand.RenewAccount;
import org.relationshipledger.contacts.account.AccountCommand.ReopenAccount;
import org.relationshipledger.contacts.account.AccountEvent.AccountChurned;
import org.relationshipledger.contacts.account.AccountEvent.AccountOpened;
import org.relationshipledger.contacts.account.AccountEvent.AccountRenewed;
import org.relationshipledger.contacts.account.AccountEvent.AccountReopened;
import org.relationshipledger.contacts.account.AccountEvent.ContractValueChanged;
import org.relationshipledger.core.web.RuleViolation;

class AccountTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final AccountOpened OPENED =
            new AccountOpened(ACCOUNT, "Nordhafen Logistics AG", "Logistics", Segment.ENTERPRISE, "EMEA", NOW);
    private static final AccountChurned CHURNED = new AccountChurned(ACCOUNT, ChurnReason.COMPETITOR, NOW);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Nested
    class OpeningAnAccount {

        @Test
        void recordsTheAccountWithItsSegmentAndRegion() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ACCOUNT, "Nordhafen Logistics AG", "Logistics", Segment.ENTERPRISE, "EMEA"))
                    .expectEvents(OPENED);
        }
    }

    @Nested
    class ChangingTheContractValue {

        @Test
        void recordsTheNewAnnualValue() {
            fixture.given(OPENED)
                    .when(new ChangeContractValue(ACCOUNT, new BigDecimal("184500.00"), "EUR", null))
                    .expectEvents(new ContractValueChanged(ACCOUNT, new BigDecimal("184500.00"), "EUR", NOW));
        }

        @Test
        void isRefusedOnAChurnedAccount() {
            fixture.given(OPENED, CHURNED)
                    .when(new ChangeContractValue(ACCOUNT, BigDecimal.TEN, "EUR", null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("account " + ACCOUNT + " is churned; reopen it first")
                    .expectNoEvents();
        }
    }

    @Nested
    class RenewingAnAccount {

        @Test
        void recordsTheRenewalWithItsNewTermAndValue() {
            LocalDate until = LocalDate.of(2027, 12, 31);
            fixture.given(OPENED)
                    .when(new RenewAccount(ACCOUNT, until, new BigDecimal("210000.00"), "EUR", null))
                    .expectEvents(new AccountRenewed(ACCOUNT, until, new BigDecimal("210000.00"), "EUR", NOW));
        }

        @Test
        void refusesATermThatIsAlreadyOver() {
            fixture.given(OPENED)
                    .when(new RenewAccount(ACCOUNT, LocalDate.of(2026, 1, 1), BigDecimal.ONE, "EUR", null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void isRefusedOnAChurnedAccount() {
            fixture.given(OPENED, CHURNED)
                    .when(new RenewAccount(ACCOUNT, LocalDate.of(2027, 12, 31), BigDecimal.ONE, "EUR", null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ChurningAnAccount {

        @Test
        void recordsTheChurnWithItsReason() {
            fixture.given(OPENED)
                    .when(new ChurnAccount(ACCOUNT, ChurnReason.COMPETITOR, null))
                    .expectEvents(CHURNED);
        }

        @Test
        void cannotChurnAnAccountTwice() {
            fixture.given(OPENED, CHURNED)
                    .when(new ChurnAccount(ACCOUNT, ChurnReason.PRICE, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReopeningAnAccount {

        @Test
        void winsBackAChurnedAccount() {
            fixture.given(OPENED, CHURNED)
                    .when(new ReopenAccount(ACCOUNT, null))
                    .expectEvents(new AccountReopened(ACCOUNT, NOW));
        }

        @Test
        void refusesToReopenAnAccountThatIsOpen() {
            fixture.given(OPENED)
                    .when(new ReopenAccount(ACCOUNT, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("only a churned account can be reopened; this one is OPEN")
                    .expectNoEvents();
        }

        @Test
        void letsAReopenedAccountChangeItsValueAgain() {
            fixture.given(OPENED, CHURNED, new AccountReopened(ACCOUNT, NOW))
                    .when(new ChangeContractValue(ACCOUNT, BigDecimal.ONE, "EUR", null))
                    .expectEvents(new ContractValueChanged(ACCOUNT, BigDecimal.ONE, "EUR", NOW));
        }
    }
}
