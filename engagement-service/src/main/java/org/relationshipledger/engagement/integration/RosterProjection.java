package org.relationshipledger.engagement.integration;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.engagement.roster.AccountRoster;
import org.relationshipledger.engagement.roster.RosterContact;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/**
 * Engagement's own copy of which accounts and contacts exist, fed by contacts-service's events. Each document
 * remembers the (stream, sequence) it applied, so a redelivered record changes nothing.
 */
@Component
public class RosterProjection implements AccountRoster {

    public static final String ACCOUNTS = "roster_accounts";
    public static final String CONTACTS = "roster_contacts";

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> contacts;

    public RosterProjection(MongoDatabase ledgerDatabase) {
        this.accounts = ledgerDatabase.getCollection(ACCOUNTS);
        this.contacts = ledgerDatabase.getCollection(CONTACTS);
        contacts.createIndex(Indexes.ascending("accountId"));
    }

    void apply(LedgerEnvelope envelope, IntegrationEvent event) {
        switch (event) {
            case AccountEvent.AccountOpened e -> ProjectionGuard.applyOnce(accounts, e.accountId(), envelope,
                    combine(set("name", e.name()), set("segment", e.segment().name()),
                            set("openedAt", Date.from(e.validFrom()))));
            case ContactEvent.ContactAdded e -> ProjectionGuard.applyOnce(contacts, e.contactId(), envelope,
                    combine(set("accountId", e.accountId()), set("title", e.title()),
                            set("status", RosterContact.Status.ACTIVE.name())));
            case ContactEvent.ContactDetailsChanged e -> ProjectionGuard.applyOnce(contacts, e.contactId(), envelope,
                    combine(set("accountId", e.accountId()), set("title", e.title())));
            case ContactEvent.ContactLeft e -> ProjectionGuard.applyOnce(contacts, e.contactId(), envelope,
                    combine(set("accountId", e.accountId()), set("status", RosterContact.Status.LEFT.name()),
                            set("leftAt", Date.from(e.validFrom()))));
            case ContactEvent.ContactErased e -> ProjectionGuard.applyOnce(contacts, e.contactId(), envelope,
                    combine(set("accountId", e.accountId()), set("status", RosterContact.Status.ERASED.name()),
                            unset("title")));
            case ContactEvent.ContactsMerged e -> ProjectionGuard.applyOnce(contacts, e.mergedContactId(), envelope,
                    combine(set("accountId", e.accountId()), set("status", RosterContact.Status.MERGED.name()),
                            set("mergedInto", e.survivingContactId())));
            case ContactEvent.ContactIdentityChanged ignored -> {
                // The roster holds positions; names, emails and phones stay on the profile topic.
            }
            case AccountEvent.ContractValueChanged ignored -> {
                // Renewals, churn and contract values do not change who may take part in an interaction.
            }
            case AccountEvent.AccountRenewed ignored -> {
            }
            case AccountEvent.AccountChurned ignored -> {
            }
            case AccountEvent.AccountReopened ignored -> {
            }
            case MappingEvent ignored -> {
                // Not on the contacts topic.
            }
            case EngagementEvent ignored -> {
            }
        }
    }

    @Override
    public boolean accountExists(String accountId) {
        return accountId != null && accounts.find(eq("_id", accountId)).first() != null;
    }

    @Override
    public Optional<RosterContact> contact(String contactId) {
        return Optional.ofNullable(contactId == null ? null : contacts.find(eq("_id", contactId)).first())
                .map(RosterProjection::toContact);
    }

    public List<RosterContact> contactsAt(String accountId) {
        return contacts.find(eq("accountId", accountId)).map(RosterProjection::toContact).into(new ArrayList<>());
    }

    private static RosterContact toContact(Document document) {
        Date leftAt = document.getDate("leftAt");
        String status = document.getString("status");
        return new RosterContact(document.getString("_id"), document.getString("accountId"),
                document.getString("title"),
                status == null ? RosterContact.Status.ACTIVE : RosterContact.Status.valueOf(status),
                leftAt == null ? null : leftAt.toInstant(), document.getString("mergedInto"));
    }
}
