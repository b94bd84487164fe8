package org.relationshipledger.contacts.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.ZoneOffset;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
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

/** A client organisation's lifecycle: opened, valued, renewed, churned and possibly won back. */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountId;
    private AccountStatus status;

    protected Account() {
    }

    @CommandHandler
    public Account(OpenAccount command, Clock clock) {
        apply(new AccountOpened(command.accountId(), command.name(), command.industry(), command.segment(),
                command.region(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeContractValue command, Clock clock) {
        requireOpen("annualValue");
        apply(new ContractValueChanged(accountId, command.annualValue(), command.currency(), clock.instant()));
    }

    @CommandHandler
    void handle(RenewAccount command, Clock clock) {
        requireOpen("renewedUntil");
        if (!command.renewedUntil().isAfter(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw RuleViolation.unprocessable("renewedUntil", "a renewal must run until a date in the future");
        }
        apply(new AccountRenewed(accountId, command.renewedUntil(), command.annualValue(), command.currency(),
                clock.instant()));
    }

    @CommandHandler
    void handle(ChurnAccount command, Clock clock) {
        requireOpen("reason");
        apply(new AccountChurned(accountId, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(ReopenAccount command, Clock clock) {
        if (status != AccountStatus.CHURNED) {
            throw RuleViolation.conflict("status", "only a churned account can be reopened; this one is " + status);
        }
        apply(new AccountReopened(accountId, clock.instant()));
    }

    private void requireOpen(String field) {
        if (status == AccountStatus.CHURNED) {
            throw RuleViolation.conflict(field, "account " + accountId + " is churned; reopen it first");
        }
    }

    @EventSourcingHandler
    void on(AccountOpened opened) {
        accountId = opened.accountId();
        status = AccountStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AccountChurned churned) {
        status = AccountStatus.CHURNED;
    }

    @EventSourcingHandler
    void on(AccountReopened reopened) {
        status = AccountStatus.OPEN;
    }
}
