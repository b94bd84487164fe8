package org.relationshipledger.contacts.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.contacts.contact.AccountStanding.Standing;
import org.relationshipledger.contacts.contact.ContactCommand.AddContact;
import org.relationshipledger.contacts.contact.ContactCommand.ChangeContact;
import org.relationshipledger.contacts.contact.ContactCommand.EraseContact;
import org.relationshipledger.contacts.contact.ContactCommand.LinkContact;
import org.relationshipledger.contacts.contact.ContactCommand.MergeContact;
import org.relationshipledger.contacts.contact.ContactCommand.RecordDeparture;
import org.relationshipledger.contacts.contact.ContactEvent.ContactAdded;
import org.relationshipledger.contacts.contact.ContactEvent.ContactDetailsChanged;
import org.relationshipledger.contacts.contact.ContactEvent.ContactErased;
import org.relationshipledger.contacts.contact.ContactEvent.ContactIdentityChanged;
import org.relationshipledger.contacts.contact.ContactEvent.ContactLeft;
import org.relationshipledger.contacts.contact.ContactEvent.ContactLinked;
import org.relationshipledger.contacts.contact.ContactEvent.ContactMergedInto;
import org.relationshipledger.core.web.RuleViolation;

/**
 * One person known to the ledger, possibly at several accounts (one membership each). The aggregate seals personal
 * data before it becomes an event and shreds the key on erasure, so clear PII never reaches the event store.
 */
@Aggregate
public class Contact {

    @AggregateIdentifier
    private String contactId;
    private String homeAccountId;
    private ContactStatus status;
    private SealedIdentity sealedIdentity;
    private final Map<String, Membership> memberships = new LinkedHashMap<>();

    private record Membership(Position position, boolean current) {
    }

    protected Contact() {
    }

    @CommandHandler
    public Contact(AddContact command, IdentityVault vault, AccountStanding accounts, Clock clock) {
        requireOpenAccount(accounts, command.accountId());
        Position position = command.position();
        apply(new ContactAdded(command.contactId(), command.accountId(),
                vault.seal(command.contactId(), command.identity()), position.title(), position.department(),
                position.function(), position.seniority(), clock.instant()));
    }

    @CommandHandler
    void handle(LinkContact command, AccountStanding accounts, Clock clock) {
        requireActive();
        requireOpenAccount(accounts, command.accountId());
        Membership existing = memberships.get(command.accountId());
        if (existing != null && existing.current()) {
            throw RuleViolation.conflict("contactId", "the contact is already at account " + command.accountId());
        }
        Position position = command.position();
        apply(new ContactLinked(contactId, command.accountId(), position.title(), position.department(),
                position.function(), position.seniority(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeContact command, IdentityVault vault, AccountStanding accounts, Clock clock) {
        requireActive();
        boolean identityChanges = command.fullName() != null || command.email() != null || command.phone() != null;
        boolean positionChanges = command.title() != null || command.department() != null
                || command.function() != null || command.seniority() != null;
        if (!identityChanges && !positionChanges) {
            throw RuleViolation.invalid(null, "the request changes nothing");
        }
        String accountId = currentAccount(command.accountId());
        requireOpenAccount(accounts, accountId);
        if (identityChanges) {
            Identity current = vault.open(contactId, sealedIdentity).orElseThrow(
                    () -> RuleViolation.conflict("contactId", "the contact's personal data is no longer available"));
            Identity changed = current.with(command.fullName(), command.email(), command.phone());
            if (!changed.equals(current)) {
                apply(new ContactIdentityChanged(contactId, homeAccountId, vault.seal(contactId, changed),
                        clock.instant()));
            }
        }
        if (positionChanges) {
            Position current = memberships.get(accountId).position();
            Position changed = current.with(command.title(), command.department(), command.function(),
                    command.seniority());
            if (!changed.equals(current)) {
                apply(new ContactDetailsChanged(contactId, accountId, changed.title(), changed.department(),
                        changed.function(), changed.seniority(), clock.instant()));
            }
        }
    }

    @CommandHandler
    void handle(RecordDeparture command, Clock clock) {
        requireActive();
        apply(new ContactLeft(contactId, currentAccount(command.accountId()), clock.instant()));
    }

    @CommandHandler
    void handle(MergeContact command, ContactDirectory contacts, AccountStanding accounts, Clock clock) {
        if (contactId.equals(command.survivingContactId())) {
            throw RuleViolation.unprocessable("duplicateContactId", "a contact cannot be merged into itself");
        }
        requireActive();
        ContactDirectory.Entry survivor = contacts.find(command.survivingContactId()).orElseThrow(
                () -> RuleViolation.notFound("contactId", "no contact " + command.survivingContactId()));
        if (survivor.status() != ContactStatus.ACTIVE) {
            throw RuleViolation.conflict("contactId", "contact " + survivor.contactId() + " is "
                    + survivor.status().name().toLowerCase(Locale.ROOT) + " and cannot absorb another");
        }
        String shared = memberships.entrySet().stream()
                .filter(membership -> membership.getValue().current())
                .map(Map.Entry::getKey)
                .filter(survivor.currentAccountIds()::contains)
                .findFirst()
                .orElseThrow(() -> RuleViolation.unprocessable("duplicateContactId",
                        "only contacts at the same account can be merged"));
        requireOpenAccount(accounts, shared);
        apply(new ContactMergedInto(contactId, shared, command.survivingContactId(), clock.instant()));
    }

    @CommandHandler
    void handle(EraseContact command, IdentityVault vault, Clock clock) {
        if (status == ContactStatus.ERASED) {
            throw RuleViolation.conflict("contactId", "contact " + contactId + " is already erased");
        }
        // Shred first: should recording the erasure fail, the person is still unreadable and a retry records it.
        vault.shred(contactId);
        apply(new ContactErased(contactId, homeAccountId, new ArrayList<>(memberships.keySet()), clock.instant()));
    }

    private void requireActive() {
        if (status == ContactStatus.ERASED) {
            throw RuleViolation.conflict("contactId", "contact " + contactId + " was erased");
        }
        if (status == ContactStatus.MERGED) {
            throw RuleViolation.conflict("contactId", "contact " + contactId + " was merged into another contact");
        }
    }

    private static void requireOpenAccount(AccountStanding accounts, String accountId) {
        Standing standing = accounts.of(accountId);
        if (standing == Standing.UNKNOWN) {
            throw RuleViolation.notFound("accountId", "no account " + accountId);
        }
        if (standing == Standing.CHURNED) {
            throw RuleViolation.conflict("accountId", "account " + accountId + " is churned; reopen it first");
        }
    }

    /** The account a command means: the one named, or the only one the contact is at now. */
    private String currentAccount(String requested) {
        List<String> current = memberships.entrySet().stream().filter(m -> m.getValue().current())
                .map(Map.Entry::getKey).toList();
        if (requested != null) {
            if (!current.contains(requested)) {
                throw RuleViolation.conflict("accountId", "the contact is not at account " + requested + " now");
            }
            return requested;
        }
        if (current.isEmpty()) {
            throw RuleViolation.conflict("contactId", "the contact has left every account");
        }
        if (current.size() > 1) {
            throw RuleViolation.unprocessable("accountId", "the contact is at several accounts; name one");
        }
        return current.get(0);
    }

    @EventSourcingHandler
    void on(ContactAdded added) {
        contactId = added.contactId();
        homeAccountId = added.accountId();
        status = ContactStatus.ACTIVE;
        sealedIdentity = added.identity();
        memberships.put(added.accountId(), new Membership(
                new Position(added.title(), added.department(), added.function(), added.seniority()), true));
    }

    @EventSourcingHandler
    void on(ContactLinked linked) {
        memberships.put(linked.accountId(), new Membership(
                new Position(linked.title(), linked.department(), linked.function(), linked.seniority()), true));
    }

    @EventSourcingHandler
    void on(ContactDetailsChanged changed) {
        memberships.put(changed.accountId(), new Membership(
                new Position(changed.title(), changed.department(), changed.function(), changed.seniority()), true));
    }

    @EventSourcingHandler
    void on(ContactIdentityChanged changed) {
        sealedIdentity = changed.identity();
    }

    @EventSourcingHandler
    void on(ContactLeft left) {
        memberships.computeIfPresent(left.accountId(), (account, membership) ->
                new Membership(membership.position(), false));
    }

    @EventSourcingHandler
    void on(ContactMergedInto merged) {
        status = ContactStatus.MERGED;
    }

    @EventSourcingHandler
    void on(ContactErased erased) {
        status = ContactStatus.ERASED;
        sealedIdentity = null;
    }
}
