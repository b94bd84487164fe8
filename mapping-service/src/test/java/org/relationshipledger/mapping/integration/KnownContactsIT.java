package org.relationshipledger.mapping.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;
import org.relationshipledger.mapping.views.ContactCard;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnownContactsIT {

    static final Instant ADDED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LEFT = Instant.parse("2026-09-01T10:00:00Z");

    @Autowired
    KnownContacts knownContacts;

    final String account = UUID.randomUUID().toString();
    final String contact = UUID.randomUUID().toString();

    LedgerEnvelope envelope(long sequence) {
        return new LedgerEnvelope(UUID.randomUUID().toString(), "/test", "contacts.any", 1, ADDED, account, contact,
                "Contact", sequence, "default", null, "h", "p", null);
    }

    @Test
    void aRedeliveredArrivalNeverBringsBackAContactWhoLeft() {
        ContactEvent.ContactAdded added = new ContactEvent.ContactAdded(account, contact, "Head of IT", null, null,
                null, ADDED);
        assertThat(knownContacts.apply(envelope(0), added, ADDED)).isTrue();
        assertThat(knownContacts.apply(envelope(1), new ContactEvent.ContactLeft(account, contact, LEFT), LEFT)).isTrue();

        assertThat(knownContacts.apply(envelope(0), added, ADDED)).isFalse();

        assertThat(knownContacts.standing(account, contact)).isEqualTo(ContactStanding.LEFT);
        assertThat(knownContacts.cards(account)).containsExactly(new ContactCard(contact, "Head of IT", ADDED, LEFT, false));
    }

    @Test
    void anErasedContactKeepsOnlyItsIdAndIsNoLongerUsable() {
        knownContacts.apply(envelope(0), new ContactEvent.ContactAdded(account, contact, "CFO", null, null, null, ADDED),
                ADDED);
        knownContacts.apply(envelope(1), new ContactEvent.ContactErased(account, contact, LEFT), LEFT);

        assertThat(knownContacts.standing(account, contact)).isEqualTo(ContactStanding.ERASED);
        assertThat(knownContacts.cards(account)).singleElement().satisfies(card -> {
            assertThat(card.title()).isNull();
            assertThat(card.label()).isEqualTo("erased contact");
        });
    }

    @Test
    void aContactOfAnotherAccountIsUnknownHere() {
        knownContacts.apply(envelope(0), new ContactEvent.ContactAdded(account, contact, "CTO", null, null, null, ADDED),
                ADDED);

        assertThat(knownContacts.standing(UUID.randomUUID().toString(), contact)).isEqualTo(ContactStanding.UNKNOWN);
        assertThat(knownContacts.standing(account, contact)).isEqualTo(ContactStanding.ACTIVE);
    }
}
