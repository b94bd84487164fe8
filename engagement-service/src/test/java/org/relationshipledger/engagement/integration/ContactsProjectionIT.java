package org.relationshipledger.engagement.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.engagement.LiveEngagement;
import org.relationshipledger.engagement.roster.RosterContact;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

class ContactsProjectionIT extends LiveEngagement {

    @Test
    void aRedeliveredRecordChangesNothing() {
        String account = openAccount();
        String contact = newId();
        LedgerEnvelope added = publish(Topics.CONTACTS, contact, new ContactEvent.ContactAdded(account, contact,
                "CIO", null, null, null, Instant.now()));
        contactLeft(account, contact, Instant.now().minus(Duration.ofDays(1)));

        // The relay re-sends the addition after a crash; it must not bring the departed contact back.
        send(Topics.CONTACTS, added);
        String marker = addContact(account, "marker");

        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(marker).isPresent());
        assertThat(roster.contact(contact)).get().extracting(RosterContact::status)
                .isEqualTo(RosterContact.Status.LEFT);
    }

    @Test
    void aMergedContactCanNoLongerBeNamed() {
        String account = openAccount();
        String survivor = addContact(account, "CFO");
        String duplicate = addContact(account, "CFO");
        publish(Topics.CONTACTS, duplicate, new ContactEvent.ContactsMerged(account, survivor, duplicate,
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(duplicate)
                .filter(c -> c.status() == RosterContact.Status.MERGED).isPresent());
        assertThat(roster.contact(duplicate).orElseThrow().mergedInto()).isEqualTo(survivor);
        assertThat(roster.contactsAt(account)).extracting(RosterContact::contactId).contains(survivor, duplicate);
        assertProblem(post("/accounts/" + account + "/interactions", Map.of("channel", "CALL", "direction",
                "INBOUND", "occurredAt", Instant.now().toString(), "contactIds", List.of(duplicate), "sentiment", 0,
                "summary", "Call", "recordedBy", "tm-1")), HttpStatus.CONFLICT, "contactIds");
    }

    @Test
    void theSurvivorOfAMergeInheritsTheMergedRecordsHistoryInTheHandoverPackage() {
        String account = openAccount();
        String survivor = addContact(account, "CFO");
        String duplicate = addContact(account, "Chief Financial Officer");
        String before = logInteraction(account, Instant.now().minus(Duration.ofDays(9)), "MEETING",
                "Met as the duplicate", "tm-1", duplicate);
        rateAffinity(account, duplicate, "tm-1", 4, "Good rapport");
        publish(Topics.CONTACTS, duplicate, new ContactEvent.ContactsMerged(account, survivor, duplicate,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.contact(duplicate)
                .filter(c -> c.status() == RosterContact.Status.MERGED).isPresent());

        JsonNode keyContacts = get("/accounts/" + account + "/handover-package").get("keyContacts");

        assertThat(keyContacts.findValuesAsText("contactId")).containsExactly(survivor);
        assertThat(keyContacts.get(0).get("lastInteractions").findValuesAsText("interactionId"))
                .containsExactly(before);
        assertThat(keyContacts.get(0).get("affinities").get(0).get("score").asInt()).isEqualTo(4);
    }
}
