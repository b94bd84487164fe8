package org.relationshipledger.contacts.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.contacts.ContactsApplication;
import org.relationshipledger.contacts.account.AccountEvent;
import org.relationshipledger.contacts.account.ChurnReason;
import org.relationshipledger.contacts.account.Segment;
import org.relationshipledger.contacts.contact.ContactEvent;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.Seniority;
import org.relationshipledger.contacts.identity.InMemoryDataKeys;
import org.relationshipledger.contacts.identity.TinkIdentityVault;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.eventstore.StoredEventTypes;
import org.relationshipledger.core.outbox.Outbound;

/**
 * Auditors check each stream's hash chain on the contacts topic (ADR 0044; analytics reads contacts, mapping and
 * engagement, not the compacted profile topic, which keeps only each contact's latest value anyway). A stored event
 * that yields no fact there is a sequence gap in its stream. So every event type contacts can store has a sample here,
 * and each must reach the contacts topic — also when the relay sends it after the contact was erased.
 */
class TranslatorTotalityTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String OTHER_ACCOUNT = "0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String SURVIVOR = "e5f60718-2a3b-4c4d-8e5f-6a7b8c9d0e1f";
    private static final Instant AT = Instant.parse("2026-01-14T08:15:00Z");
    private static final Identity INGRID =
            new Identity("Ingrid Bergström", "ingrid.bergstrom@nordhafen.example", "+49 40 5550 1234");

    private final TinkIdentityVault vault = new TinkIdentityVault(new InMemoryDataKeys());
    private final ContactsTranslator translator = new ContactsTranslator(vault);

    Stream<Object> everyStoredEvent() {
        return Stream.of(
                new AccountEvent.AccountOpened(ACCOUNT, "Nordhafen Logistics AG", "Logistics", Segment.ENTERPRISE,
                        "EMEA", AT),
                new AccountEvent.ContractValueChanged(ACCOUNT, new BigDecimal("184500.00"), "EUR", AT),
                new AccountEvent.AccountRenewed(ACCOUNT, LocalDate.of(2027, 12, 31), new BigDecimal("210000.00"),
                        "EUR", AT),
                new AccountEvent.AccountChurned(ACCOUNT, ChurnReason.COMPETITOR, AT),
                new AccountEvent.AccountReopened(ACCOUNT, AT),
                new ContactEvent.ContactAdded(CONTACT, ACCOUNT, vault.seal(CONTACT, INGRID), "Head of Procurement",
                        "Finance", "Procurement", Seniority.DIRECTOR, AT),
                new ContactEvent.ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", "Board", "Strategy", Seniority.VP,
                        AT),
                new ContactEvent.ContactDetailsChanged(CONTACT, ACCOUNT, "VP Procurement", "Finance", "Procurement",
                        Seniority.VP, AT),
                new ContactEvent.ContactIdentityChanged(CONTACT, ACCOUNT, vault.seal(CONTACT, INGRID), AT),
                new ContactEvent.ContactLeft(CONTACT, ACCOUNT, AT),
                new ContactEvent.ContactMergedInto(CONTACT, ACCOUNT, SURVIVOR, AT),
                new ContactEvent.ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT, OTHER_ACCOUNT), AT));
    }

    @Test
    void hasASampleOfEveryEventTypeContactsStores() {
        assertThat(everyStoredEvent().map(Object::getClass).toList())
                .as("one sample per stored event type: add a sample for a new event and publish it")
                .containsExactlyInAnyOrderElementsOf(storedEventTypes());
    }

    @ParameterizedTest
    @MethodSource("storedEventTypes")
    void publishesEveryStoredEventOnTheContactsTopic(Class<?> type) {
        assertReachesTheContactsTopic(sampleOf(type));
    }

    @ParameterizedTest
    @MethodSource("storedEventTypes")
    void publishesEveryStoredEventOnTheContactsTopicWhenTheRelaySendsItAfterTheErasure(Class<?> type) {
        Object event = sampleOf(type);
        vault.shred(CONTACT);

        assertReachesTheContactsTopic(event);
    }

    private Object sampleOf(Class<?> type) {
        return everyStoredEvent().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + type.getName()));
    }

    private void assertReachesTheContactsTopic(Object event) {
        List<Outbound> records = translator.translate(new GenericDomainEventMessage<>("Stream", "stream-1", 0, event));

        assertThat(records).as(event.getClass().getSimpleName() + " yields a fact on " + Topics.CONTACTS)
                .filteredOn(record -> record.topic().equals(Topics.CONTACTS))
                .isNotEmpty()
                .allSatisfy(record -> {
                    assertThat(record.payload()).isInstanceOf(IntegrationEvent.class);
                    assertThat(record.key()).isEqualTo(((IntegrationEvent) record.payload()).accountId());
                    assertThat(record.type()).isEqualTo(EventCatalog.wireName(record.payload().getClass()));
                });
    }

    /** What the serializer lets contacts store: every {@code @EventType} class in its packages, whatever family. */
    static List<Class<?>> storedEventTypes() {
        return StoredEventTypes.in(ContactsApplication.class.getPackageName());
    }
}
