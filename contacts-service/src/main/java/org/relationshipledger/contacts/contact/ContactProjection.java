package org.relationshipledger.contacts.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.relationshipledger.contacts.contact.ContactEvent.ContactAdded;
import org.relationshipledger.contacts.contact.ContactEvent.ContactDetailsChanged;
import org.relationshipledger.contacts.contact.ContactEvent.ContactErased;
import org.relationshipledger.contacts.contact.ContactEvent.ContactIdentityChanged;
import org.relationshipledger.contacts.contact.ContactEvent.ContactLeft;
import org.relationshipledger.contacts.contact.ContactEvent.ContactLinked;
import org.relationshipledger.contacts.contact.ContactEvent.ContactMergedInto;
import org.relationshipledger.contacts.contact.ContactView.Membership;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ContactView}s, the only place besides the profile topic where personal data is clear. A view is
 * changed only by an event newer than it, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("contacts")
public class ContactProjection implements ContactDirectory {

    private final MongoTemplate mongo;
    private final IdentityVault vault;

    ContactProjection(MongoTemplate mongo, IdentityVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    @EventHandler
    void on(ContactAdded added, @SequenceNumber long sequence) {
        if (find(added.contactId()).isPresent()) {
            return;
        }
        Optional<Identity> identity = vault.open(added.contactId(), added.identity());
        Membership membership = new Membership(added.accountId(), added.title(), added.department(),
                added.function(), added.seniority(), true);
        mongo.insert(withIdentity(new ContactView(added.contactId(), added.accountId(), ContactStatus.ACTIVE, null,
                null, null, null, null, null, null, List.of(membership), List.of(added.accountId()), sequence),
                identity.orElse(null)));
    }

    @EventHandler
    void on(ContactLinked linked, @SequenceNumber long sequence) {
        update(linked.contactId(), sequence, view -> withMembership(view, new Membership(linked.accountId(),
                linked.title(), linked.department(), linked.function(), linked.seniority(), true)));
    }

    @EventHandler
    void on(ContactDetailsChanged changed, @SequenceNumber long sequence) {
        update(changed.contactId(), sequence, view -> withMembership(view, new Membership(changed.accountId(),
                changed.title(), changed.department(), changed.function(), changed.seniority(), true)));
    }

    @EventHandler
    void on(ContactIdentityChanged changed, @SequenceNumber long sequence) {
        update(changed.contactId(), sequence,
                view -> withIdentity(view, vault.open(changed.contactId(), changed.identity()).orElse(null)));
    }

    @EventHandler
    void on(ContactLeft left, @SequenceNumber long sequence) {
        update(left.contactId(), sequence, view -> view.at(left.accountId())
                .map(m -> withMembership(view, new Membership(m.accountId(), m.title(), m.department(),
                        m.function(), m.seniority(), false)))
                .orElse(view));
    }

    @EventHandler
    void on(ContactMergedInto merged, @SequenceNumber long sequence) {
        update(merged.contactId(), sequence, view -> new ContactView(view.id(), view.homeAccountId(),
                ContactStatus.MERGED, view.displayName(), view.fullName(), view.email(), view.phone(),
                null, null, merged.survivingContactId(), view.memberships(), view.accountIds(), view.version()));
    }

    @EventHandler
    void on(ContactErased erased, @SequenceNumber long sequence) {
        update(erased.contactId(), sequence, view -> new ContactView(view.id(), view.homeAccountId(),
                ContactStatus.ERASED, ContactView.ERASED_NAME, null, null, null, null, null, view.mergedInto(),
                view.memberships(), view.accountIds(), view.version()));
    }

    @Override
    public Optional<Entry> find(String contactId) {
        return view(contactId).map(view -> new Entry(view.id(), view.status(), Set.copyOf(view.memberships().stream()
                .filter(Membership::current).map(Membership::accountId).toList())));
    }

    public Optional<ContactView> view(String contactId) {
        return Optional.ofNullable(mongo.findById(contactId, ContactView.class));
    }

    /** Everyone who ever was a contact at the account, erased and merged ones included. */
    public List<ContactView> everAt(String accountId) {
        return mongo.find(Query.query(Criteria.where("accountIds").is(accountId)), ContactView.class);
    }

    public List<ContactView> mergedInto(String contactId) {
        return mongo.find(Query.query(Criteria.where("mergedInto").is(contactId)), ContactView.class);
    }

    private void update(String contactId, long sequence, UnaryOperator<ContactView> change) {
        view(contactId).filter(view -> view.version() < sequence).ifPresent(view -> {
            ContactView changed = change.apply(view);
            mongo.save(new ContactView(changed.id(), changed.homeAccountId(), changed.status(), changed.displayName(),
                    changed.fullName(), changed.email(), changed.phone(), changed.normalisedName(),
                    changed.normalisedEmail(), changed.mergedInto(), changed.memberships(), changed.accountIds(),
                    sequence));
        });
    }

    private static ContactView withIdentity(ContactView view, Identity identity) {
        if (identity == null) {
            return new ContactView(view.id(), view.homeAccountId(), view.status(), ContactView.ERASED_NAME, null,
                    null, null, null, null, view.mergedInto(), view.memberships(), view.accountIds(), view.version());
        }
        return new ContactView(view.id(), view.homeAccountId(), view.status(), identity.fullName(),
                identity.fullName(), identity.email(), identity.phone(), identity.normalisedName(),
                identity.normalisedEmail(), view.mergedInto(), view.memberships(), view.accountIds(), view.version());
    }

    private static ContactView withMembership(ContactView view, Membership membership) {
        List<Membership> memberships = new ArrayList<>(view.memberships().stream()
                .map(m -> m.accountId().equals(membership.accountId()) ? membership : m).toList());
        if (memberships.stream().noneMatch(m -> m.accountId().equals(membership.accountId()))) {
            memberships.add(membership);
        }
        Set<String> accountIds = new LinkedHashSet<>(view.accountIds());
        accountIds.add(membership.accountId());
        return new ContactView(view.id(), view.homeAccountId(), view.status(), view.displayName(), view.fullName(),
                view.email(), view.phone(), view.normalisedName(), view.normalisedEmail(), view.mergedInto(),
                memberships, List.copyOf(accountIds), view.version());
    }
}
