package org.relationshipledger.contacts.integration;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.relationshipledger.contacts.account.AccountEvent;
import org.relationshipledger.contacts.contact.ContactEvent;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.IdentityVault;
import org.relationshipledger.contacts.contact.SealedIdentity;
import org.relationshipledger.contracts.AccountEvent.AccountChurned;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.AccountRenewed;
import org.relationshipledger.contracts.AccountEvent.AccountReopened;
import org.relationshipledger.contracts.AccountEvent.ChurnReason;
import org.relationshipledger.contracts.AccountEvent.ContractValueChanged;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.ContactEvent.ContactAdded;
import org.relationshipledger.contracts.ContactEvent.ContactDetailsChanged;
import org.relationshipledger.contracts.ContactEvent.ContactErased;
import org.relationshipledger.contracts.ContactEvent.ContactIdentityChanged;
import org.relationshipledger.contracts.ContactEvent.ContactLeft;
import org.relationshipledger.contracts.ContactEvent.ContactsMerged;
import org.relationshipledger.contracts.ContactEvent.Seniority;
import org.relationshipledger.contracts.ContactProfile;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.Outbound;
import org.springframework.stereotype.Component;

/**
 * The published language of contacts-service: account and contact facts without personal data on the contacts
 * topic (keyed by account id), and each contact's clear profile on the compacted profile topic. A profile is
 * produced only while the contact's key exists, so the relay re-sending an old event after erasure republishes
 * no personal data.
 */
@Component
public class ContactsTranslator implements IntegrationEventTranslator {

    private final IdentityVault vault;

    ContactsTranslator(IdentityVault vault) {
        this.vault = vault;
    }

    @Override
    public List<Outbound> translate(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof AccountEvent event) {
            return List.of(Outbound.of(account(event)));
        }
        if (payload instanceof ContactEvent event) {
            return contact(event, message);
        }
        return List.of();
    }

    private static org.relationshipledger.contracts.AccountEvent account(AccountEvent event) {
        return switch (event) {
            case AccountEvent.AccountOpened e -> new AccountOpened(e.accountId(), e.name(), e.industry(),
                    Segment.valueOf(e.segment().name()), e.region(), e.validFrom());
            case AccountEvent.ContractValueChanged e ->
                    new ContractValueChanged(e.accountId(), e.annualValue(), e.currency(), e.validFrom());
            case AccountEvent.AccountRenewed e -> new AccountRenewed(e.accountId(), e.renewedUntil(),
                    e.annualValue(), e.currency(), e.validFrom());
            case AccountEvent.AccountChurned e ->
                    new AccountChurned(e.accountId(), ChurnReason.valueOf(e.reason().name()), e.validFrom());
            case AccountEvent.AccountReopened e -> new AccountReopened(e.accountId(), e.validFrom());
        };
    }

    private List<Outbound> contact(ContactEvent event, DomainEventMessage<?> message) {
        return switch (event) {
            case ContactEvent.ContactAdded e -> withProfile(Outbound.of(new ContactAdded(e.accountId(),
                    e.contactId(), e.title(), e.department(), e.function(), seniority(e.seniority()),
                    e.validFrom())), e.contactId(), e.accountId(), e.identity(), message);
            case ContactEvent.ContactLinked e -> List.of(Outbound.of(new ContactAdded(e.accountId(), e.contactId(),
                    e.title(), e.department(), e.function(), seniority(e.seniority()), e.validFrom())));
            case ContactEvent.ContactDetailsChanged e -> List.of(Outbound.of(new ContactDetailsChanged(
                    e.accountId(), e.contactId(), e.title(), e.department(), e.function(), seniority(e.seniority()),
                    e.validFrom())));
            // The data-free fact keeps the stream gap-free on the contacts topic, also after erasure shreds the key.
            case ContactEvent.ContactIdentityChanged e -> withProfile(Outbound.of(new ContactIdentityChanged(
                    e.accountId(), e.contactId(), e.validFrom())), e.contactId(), e.accountId(), e.identity(), message);
            case ContactEvent.ContactLeft e ->
                    List.of(Outbound.of(new ContactLeft(e.accountId(), e.contactId(), e.validFrom())));
            case ContactEvent.ContactMergedInto e -> List.of(
                    Outbound.of(new ContactsMerged(e.accountId(), e.survivingContactId(), e.contactId(),
                            e.validFrom())),
                    Outbound.profileTombstone(e.contactId(), e.accountId()));
            case ContactEvent.ContactErased e -> {
                List<Outbound> records = new ArrayList<>();
                for (String accountId : e.accountIds()) {
                    records.add(Outbound.of(new ContactErased(accountId, e.contactId(), e.validFrom())));
                }
                records.add(Outbound.profileTombstone(e.contactId(), e.accountId()));
                yield records;
            }
        };
    }

    private List<Outbound> withProfile(Outbound fact, String contactId, String accountId, SealedIdentity sealed,
                                       DomainEventMessage<?> message) {
        List<Outbound> records = new ArrayList<>(2);
        records.add(fact);
        vault.open(contactId, sealed).ifPresent((Identity identity) -> records.add(Outbound.profile(
                new ContactProfile(contactId, accountId, identity.fullName(), identity.email(), identity.phone(),
                        message.getTimestamp()))));
        return records;
    }

    private static Seniority seniority(org.relationshipledger.contacts.contact.Seniority seniority) {
        return seniority == null ? null : Seniority.valueOf(seniority.name());
    }
}
