package org.relationshipledger.contacts.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.account.AccountEvent;
import org.relationshipledger.contacts.account.ChurnReason;
import org.relationshipledger.contacts.account.Segment;
import org.relationshipledger.contacts.contact.ContactEvent;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.Seniority;
import org.relationshipledger.contacts.identity.InMemoryDataKeys;
import org.relationshipledger.contacts.identity.TinkIdentityVault;
import org.relationshipledger.contracts.ContactProfile;
import org.relationshipledger.contracts.ContractSamples;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.outbox.Outbound;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Producer side of the contract: every record the translator hands the relay has the shape of the approved sample
 * of its type in ledger-contracts, and deserialises with the settings consumers use.
 */
class ContactsTranslatorTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String OTHER_ACCOUNT = "0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String SURVIVOR = "e5f60718-2a3b-4c4d-8e5f-6a7b8c9d0e1f";
    private static final Instant AT = Instant.parse("2026-01-14T08:15:00Z");
    private static final Identity INGRID =
            new Identity("Ingrid Bergström", "ingrid.bergstrom@nordhafen.example", "+49 40 5550 1234");

    private final InMemoryDataKeys keys = new InMemoryDataKeys();
    private final TinkIdentityVault vault = new TinkIdentityVault(keys);
    private final ContactsTranslator translator = new ContactsTranslator(vault);

    @Test
    void everyPublishedEventHasTheFieldsOfItsApprovedSampleAndReadsBackAsThatEvent() throws Exception {
        List<Outbound> published = new ArrayList<>();
        for (Object event : everyStoredEvent()) {
            published.addAll(translator.translate(message(event)));
        }

        Set<String> types = new TreeSet<>();
        for (Outbound record : published) {
            if (record.payload() == null) {
                continue;
            }
            Class<?> type = EventCatalog.classFor(record.type(), record.revision()).orElseThrow();
            JsonNode json = ContractSamples.mapper().readTree(LedgerJson.write(record.payload()));
            JsonNode sample = ContractSamples.mapper().readTree(ContractSamples.sample(type));
            assertThat(fieldNames(json)).as(record.type()).isSubsetOf(fieldNames(sample));
            assertThat(fieldNames(sample)).as(record.type()).isSubsetOf(fieldNames(json));
            assertThat(ContractSamples.mapper().treeToValue(json, type)).isEqualTo(record.payload());
            types.add(record.type());
        }
        assertThat(types).containsExactlyInAnyOrder("contacts.AccountOpened", "contacts.ContractValueChanged",
                "contacts.AccountRenewed", "contacts.AccountChurned", "contacts.AccountReopened",
                "contacts.ContactAdded", "contacts.ContactDetailsChanged", "contacts.ContactIdentityChanged",
                "contacts.ContactLeft",
                "contacts.ContactsMerged", "contacts.ContactErased", "contacts.ContactProfile");
    }

    @Test
    void accountAndContactFactsAreKeyedByAccountAndCarryNoPersonalData() {
        var sealed = vault.seal(CONTACT, INGRID);
        List<Outbound> added = translator.translate(message(new ContactEvent.ContactAdded(CONTACT, ACCOUNT, sealed,
                "Head of Procurement", "Finance", "Procurement", Seniority.DIRECTOR, AT)));

        assertThat(added).filteredOn(record -> record.topic().equals(Topics.CONTACTS)).singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo(ACCOUNT);
                    assertThat(new String(LedgerJson.write(record.payload()))).doesNotContain("Ingrid", "nordhafen",
                            "5550", sealed.ciphertext());
                });
        assertThat(added).filteredOn(record -> record.topic().equals(Topics.CONTACT_PROFILES)).singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo(CONTACT);
                    assertThat(((ContactProfile) record.payload()).fullName()).isEqualTo("Ingrid Bergström");
                });
    }

    @Test
    void anEventReSentAfterErasurePublishesNoProfile() {
        var sealed = vault.seal(CONTACT, INGRID);
        vault.shred(CONTACT);

        List<Outbound> added = translator.translate(message(new ContactEvent.ContactAdded(CONTACT, ACCOUNT, sealed,
                "Head of Procurement", null, null, null, AT)));

        assertThat(added).extracting(Outbound::topic).containsExactly(Topics.CONTACTS);
    }

    @Test
    void anIdentityChangeIsAnnouncedWithoutPersonalDataAndThenRepublishesTheProfile() {
        var sealed = vault.seal(CONTACT, INGRID);
        List<Outbound> changed = translator.translate(message(
                new ContactEvent.ContactIdentityChanged(CONTACT, ACCOUNT, sealed, AT)));

        assertThat(changed).extracting(Outbound::topic, Outbound::key).containsExactly(
                tuple(Topics.CONTACTS, ACCOUNT),
                tuple(Topics.CONTACT_PROFILES, CONTACT));
        assertThat(changed.get(0).payload()).isEqualTo(
                new org.relationshipledger.contracts.ContactEvent.ContactIdentityChanged(ACCOUNT, CONTACT, AT));
        assertThat(new String(LedgerJson.write(changed.get(0).payload()))).doesNotContain("Ingrid", "nordhafen",
                "5550", sealed.ciphertext());
        assertThat(((ContactProfile) changed.get(1).payload()).fullName()).isEqualTo("Ingrid Bergström");
    }

    @Test
    void anIdentityChangeReSentAfterErasureIsStillAnnouncedButPublishesNoProfile() {
        var sealed = vault.seal(CONTACT, INGRID);
        vault.shred(CONTACT);

        List<Outbound> changed = translator.translate(message(
                new ContactEvent.ContactIdentityChanged(CONTACT, ACCOUNT, sealed, AT)));

        assertThat(changed).extracting(Outbound::topic, Outbound::key)
                .containsExactly(tuple(Topics.CONTACTS, ACCOUNT));
    }

    @Test
    void anErasureIsAnnouncedAtEveryAccountAndTombstonesTheProfile() {
        List<Outbound> erased = translator.translate(message(
                new ContactEvent.ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT, OTHER_ACCOUNT), AT)));

        assertThat(erased).extracting(Outbound::topic, Outbound::key).containsExactly(
                tuple(Topics.CONTACTS, ACCOUNT),
                tuple(Topics.CONTACTS, OTHER_ACCOUNT),
                tuple(Topics.CONTACT_PROFILES, CONTACT));
        assertThat(erased.get(2).payload()).isNull();
    }

    private List<Object> everyStoredEvent() {
        var sealed = vault.seal(CONTACT, INGRID);
        return List.of(
                new AccountEvent.AccountOpened(ACCOUNT, "Nordhafen Logistics AG", "Logistics", Segment.ENTERPRISE,
                        "EMEA", AT),
                new AccountEvent.ContractValueChanged(ACCOUNT, new BigDecimal("184500.00"), "EUR", AT),
                new AccountEvent.AccountRenewed(ACCOUNT, LocalDate.of(2027, 12, 31), new BigDecimal("210000.00"),
                        "EUR", AT),
                new AccountEvent.AccountChurned(ACCOUNT, ChurnReason.COMPETITOR, AT),
                new AccountEvent.AccountReopened(ACCOUNT, AT),
                new ContactEvent.ContactAdded(CONTACT, ACCOUNT, sealed, "Head of Procurement", "Finance",
                        "Procurement", Seniority.DIRECTOR, AT),
                new ContactEvent.ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", "Board", "Strategy", Seniority.VP,
                        AT),
                new ContactEvent.ContactDetailsChanged(CONTACT, ACCOUNT, "VP Procurement", "Finance", "Procurement",
                        Seniority.VP, AT),
                new ContactEvent.ContactIdentityChanged(CONTACT, ACCOUNT, vault.seal(CONTACT, INGRID), AT),
                new ContactEvent.ContactLeft(CONTACT, ACCOUNT, AT),
                new ContactEvent.ContactMergedInto(CONTACT, ACCOUNT, SURVIVOR, AT),
                new ContactEvent.ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT), AT));
    }

    private static DomainEventMessage<?> message(Object payload) {
        return new GenericDomainEventMessage<>("Contact", CONTACT, 0, payload);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
