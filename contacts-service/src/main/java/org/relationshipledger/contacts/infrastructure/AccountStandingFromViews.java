package org.relationshipledger.contacts.infrastructure;

import org.relationshipledger.contacts.account.AccountProjection;
import org.relationshipledger.contacts.account.AccountStatus;
import org.relationshipledger.contacts.contact.AccountStanding;
import org.springframework.stereotype.Component;

/** Answers the contact model's account questions from the account read model, never from another aggregate. */
@Component
class AccountStandingFromViews implements AccountStanding {

    private final AccountProjection accounts;

    AccountStandingFromViews(AccountProjection accounts) {
        this.accounts = accounts;
    }

    @Override
    public Standing of(String accountId) {
        return accounts.find(accountId)
                .map(view -> view.status() == AccountStatus.CHURNED ? Standing.CHURNED : Standing.OPEN)
                .orElse(Standing.UNKNOWN);
    }
}
