package org.relationshipledger.mapping.integration;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.mapping.accountmap.ContactDirectory;
import org.relationshipledger.mapping.views.ContactCard;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Mapping's own projection of contacts-service's contact events: one document per account ({@code _id} = account
 * id) holding its contacts, so both the command-side check and every query read it with one unique-key lookup
 * (the only fast path on the embedded MongoDB-wire server, ADR 0024). Each update is guarded by
 * {@link ProjectionGuard}, so a redelivered event changes nothing.
 */
@Component
public class KnownContacts implements ContactDirectory {

    public static final String COLLECTION = "mapping_known_contacts";
    private static final String VERSION = "version";

    private final MongoCollection<Document> documents;

    public KnownContacts(MongoDatabase ledgerDatabase) {
        this.documents = ledgerDatabase.getCollection(COLLECTION);
    }

    /** @return false if the event had been applied before */
    public boolean apply(LedgerEnvelope envelope, ContactEvent event, Instant recordedAt) {
        String at = recordedAt.toString();
        Bson update = switch (event) {
            case ContactEvent.ContactAdded added -> combine(
                    set(field(added.contactId(), "title"), added.title()),
                    set(field(added.contactId(), "addedAt"), at));
            case ContactEvent.ContactDetailsChanged changed -> set(field(changed.contactId(), "title"), changed.title());
            // Names, emails and phones are not mapping's to keep: only the stream position is recorded.
            case ContactEvent.ContactIdentityChanged ignored -> combine();
            case ContactEvent.ContactLeft left -> set(field(left.contactId(), "leftAt"), at);
            case ContactEvent.ContactErased erased -> combine(
                    set(field(erased.contactId(), "erased"), true),
                    unset(field(erased.contactId(), "title")));
            case ContactEvent.ContactsMerged merged -> combine(
                    set(field(merged.mergedContactId(), "mergedInto"), merged.survivingContactId()),
                    set(field(merged.mergedContactId(), "leftAt"), at));
        };
        return ProjectionGuard.applyOnce(documents, event.accountId(), envelope, combine(update, inc(VERSION, 1L)));
    }

    /**
     * Counts the changes applied to the account's contacts ({@code -1} if none yet), so a reader holding the cards
     * can tell with one small unique-key read whether they are still current.
     */
    public long version(String accountId) {
        Document found = documents.find(eq("_id", accountId)).projection(include(VERSION)).first();
        if (found == null) {
            return -1;
        }
        Object version = found.get(VERSION);
        return version instanceof Number number ? number.longValue() : 0;
    }

    @Override
    public ContactStanding standing(String accountId, String contactId) {
        Document found = documents.find(eq("_id", accountId)).projection(include("contacts." + key(contactId)))
                .first();
        Document contact = found == null ? null : found.get("contacts", Document.class) == null ? null
                : found.get("contacts", Document.class).get(key(contactId), Document.class);
        if (contact == null) {
            return ContactStanding.UNKNOWN;
        }
        if (Boolean.TRUE.equals(contact.getBoolean("erased"))) {
            return ContactStanding.ERASED;
        }
        if (contact.getString("mergedInto") != null) {
            return ContactStanding.MERGED;
        }
        if (contact.getString("leftAt") != null) {
            return ContactStanding.LEFT;
        }
        return contact.getString("addedAt") == null ? ContactStanding.UNKNOWN : ContactStanding.ACTIVE;
    }

    /** Every contact the account has had, with the times we learnt of their arrival and departure. */
    public List<ContactCard> cards(String accountId) {
        Document found = documents.find(eq("_id", accountId)).first();
        List<ContactCard> cards = new ArrayList<>();
        if (found == null || found.get("contacts", Document.class) == null) {
            return cards;
        }
        found.get("contacts", Document.class).forEach((key, value) -> {
            Document contact = (Document) value;
            boolean erased = Boolean.TRUE.equals(contact.getBoolean("erased"));
            cards.add(new ContactCard(unkey(key), erased ? null : contact.getString("title"),
                    instant(contact.getString("addedAt")), instant(contact.getString("leftAt")), erased));
        });
        return cards;
    }

    public boolean knowsAccount(String accountId) {
        return documents.find(eq("_id", accountId)).projection(include("_id")).first() != null;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String field(String contactId, String name) {
        return "contacts." + key(contactId) + "." + name;
    }

    // Field names may not contain '.' or start with '$'; contact ids are UUIDs, but stay safe for any id.
    static String key(String contactId) {
        return contactId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unkey(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
