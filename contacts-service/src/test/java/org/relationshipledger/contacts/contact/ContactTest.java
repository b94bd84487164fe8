package org.relationshipledger.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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
import org.relationshipledger.contacts.identity.InMemoryDataKeys;
import org.relationshipledger.contacts.identity.TinkIdentityVault;
import org.relationshipledger.core.web.RuleViolation;

class ContactTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String OTHER_ACCOUNT = "0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
    private static final String CHURNED_ACCOUNT = "c0ffee00-0000-4000-8000-000000000001";
    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String SURVIVOR = "e5f60718-2a3b-4c4d-8e5f-6a7b8c9d0e1f";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Identity INGRID =
            new Identity("Ingrid Bergström", "ingrid@nordhafen.example", "+49 40 5550 1234");
    private static final Position BUYER = new Position("Head of Procurement", "Finance", "Procurement",
            Seniority.DIRECTOR);

    private final InMemoryDataKeys keys = new InMemoryDataKeys();
    private final IdentityVault vault = new TinkIdentityVault(keys);
    private final Map<String, ContactDirectory.Entry> directory = new HashMap<>();
    private FixtureConfiguration<Contact> fixture;
    private ContactAdded added;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        Map<String, Standing> standings = Map.of(ACCOUNT, Standing.OPEN, OTHER_ACCOUNT, Standing.OPEN,
                CHURNED_ACCOUNT, Standing.CHURNED);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource((AccountStanding) id -> standings.getOrDefault(id, Standing.UNKNOWN));
        fixture.registerInjectableResource((ContactDirectory) id -> Optional.ofNullable(directory.get(id)));
        added = new ContactAdded(CONTACT, ACCOUNT, vault.seal(CONTACT, INGRID), "Head of Procurement", "Finance",
                "Procurement", Seniority.DIRECTOR, NOW);
    }

    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.hamcrest.Matcher<List<org.axonframework.messaging.Message<?>>> exactly(
            Predicate<Object>... payloads) {
        org.hamcrest.Matcher<Object>[] each = new org.hamcrest.Matcher[payloads.length + 1];
        for (int i = 0; i < payloads.length; i++) {
            each[i] = matches(payloads[i]);
        }
        each[payloads.length] = andNoMore();
        return payloadsMatching(exactSequenceOf(each));
    }

    @Nested
    class AddingAContact {

        @Test
        void storesThePersonalDataSealedUnderTheContactsOwnKey() {
            fixture.givenNoPriorActivity()
                    .when(new AddContact(CONTACT, ACCOUNT, INGRID, BUYER))
                    .expectEventsMatching(exactly(payload -> payload instanceof ContactAdded event
                            && event.accountId().equals(ACCOUNT) && event.title().equals("Head of Procurement")
                            && !event.identity().ciphertext().contains("Ingrid")
                            && vault.open(CONTACT, event.identity()).orElseThrow().equals(INGRID)));
        }

        @Test
        void isRefusedAtAnAccountThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new AddContact(CONTACT, "no-such-account", INGRID, BUYER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("no account no-such-account")
                    .expectNoEvents();
        }

        @Test
        void isRefusedAtAChurnedAccount() {
            fixture.givenNoPriorActivity()
                    .when(new AddContact(CONTACT, CHURNED_ACCOUNT, INGRID, BUYER))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class LinkingAPersonToAnotherAccount {

        @Test
        void addsAMembershipToTheSameRecordInsteadOfADuplicate() {
            Position advisor = new Position("Advisor", null, null, null);
            fixture.given(added)
                    .when(new LinkContact(CONTACT, OTHER_ACCOUNT, advisor, null))
                    .expectEvents(new ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", null, null, null, NOW));
        }

        @Test
        void refusesToLinkToAnAccountTheContactIsAlreadyAt() {
            fixture.given(added)
                    .when(new LinkContact(CONTACT, ACCOUNT, BUYER, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToLinkToAChurnedAccount() {
            fixture.given(added)
                    .when(new LinkContact(CONTACT, CHURNED_ACCOUNT, BUYER, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingAContact {

        @Test
        void movingToAnotherDepartmentRecordsTheWholeNewPosition() {
            fixture.given(added)
                    .when(new ChangeContact(CONTACT, null, null, null, null, null, "Operations", null, null, null))
                    .expectEvents(new ContactDetailsChanged(CONTACT, ACCOUNT, "Head of Procurement", "Operations",
                            "Procurement", Seniority.DIRECTOR, NOW));
        }

        @Test
        void aNewEmailIsSealedAndKeepsTheRestOfTheIdentity() {
            fixture.given(added)
                    .when(new ChangeContact(CONTACT, null, null, "ingrid.b@nordhafen.example", null, null, null, null,
                            null, null))
                    .expectEventsMatching(exactly(payload -> payload instanceof ContactIdentityChanged event
                            && vault.open(CONTACT, event.identity()).orElseThrow().equals(
                            new Identity("Ingrid Bergström", "ingrid.b@nordhafen.example", "+49 40 5550 1234"))));
        }

        @Test
        void changingNothingIsRefused() {
            fixture.given(added)
                    .when(new ChangeContact(CONTACT, null, null, null, null, null, null, null, null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void sendingTheCurrentValuesRecordsNothing() {
            fixture.given(added)
                    .when(new ChangeContact(CONTACT, null, "Ingrid Bergström", null, null, "Head of Procurement", null,
                            null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void isRefusedForAnErasedContact() {
            fixture.given(added, new ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT), NOW))
                    .when(new ChangeContact(CONTACT, null, null, null, null, "CFO", null, null, null, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("contact " + CONTACT + " was erased")
                    .expectNoEvents();
        }

        @Test
        void mustNameTheAccountWhenThePersonIsAtSeveral() {
            fixture.given(added, new ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", null, null, null, NOW))
                    .when(new ChangeContact(CONTACT, null, null, null, null, "CFO", null, null, null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingADeparture {

        @Test
        void marksThePersonAsGoneFromTheirOnlyAccount() {
            fixture.given(added)
                    .when(new RecordDeparture(CONTACT, null, null))
                    .expectEvents(new ContactLeft(CONTACT, ACCOUNT, NOW));
        }

        @Test
        void cannotLeaveTwice() {
            fixture.given(added, new ContactLeft(CONTACT, ACCOUNT, NOW))
                    .when(new RecordDeparture(CONTACT, null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void leavesOneAccountAndStaysAtTheOther() {
            fixture.given(added, new ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", null, null, null, NOW))
                    .when(new RecordDeparture(CONTACT, ACCOUNT, null))
                    .expectEvents(new ContactLeft(CONTACT, ACCOUNT, NOW));
        }
    }

    @Nested
    class MergingADuplicate {

        @Test
        void mergesIntoAContactAtTheSameAccount() {
            directory.put(SURVIVOR, new ContactDirectory.Entry(SURVIVOR, ContactStatus.ACTIVE, Set.of(ACCOUNT)));
            fixture.given(added)
                    .when(new MergeContact(CONTACT, SURVIVOR, null))
                    .expectEvents(new ContactMergedInto(CONTACT, ACCOUNT, SURVIVOR, NOW));
        }

        @Test
        void refusesToMergeAContactIntoItself() {
            fixture.given(added)
                    .when(new MergeContact(CONTACT, CONTACT, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("a contact cannot be merged into itself")
                    .expectNoEvents();
        }

        @Test
        void refusesToMergeAcrossAccounts() {
            directory.put(SURVIVOR, new ContactDirectory.Entry(SURVIVOR, ContactStatus.ACTIVE, Set.of(OTHER_ACCOUNT)));
            fixture.given(added)
                    .when(new MergeContact(CONTACT, SURVIVOR, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("only contacts at the same account can be merged")
                    .expectNoEvents();
        }

        @Test
        void refusesToMergeIntoAnErasedContact() {
            directory.put(SURVIVOR, new ContactDirectory.Entry(SURVIVOR, ContactStatus.ERASED, Set.of(ACCOUNT)));
            fixture.given(added)
                    .when(new MergeContact(CONTACT, SURVIVOR, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToMergeIntoAnUnknownContact() {
            fixture.given(added)
                    .when(new MergeContact(CONTACT, SURVIVOR, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("no contact " + SURVIVOR)
                    .expectNoEvents();
        }
    }

    @Nested
    class ErasingAContact {

        @Test
        void destroysTheKeyAndRecordsTheErasureForEveryAccountThePersonWasAt() {
            fixture.given(added, new ContactLinked(CONTACT, OTHER_ACCOUNT, "Advisor", null, null, null, NOW))
                    .when(new EraseContact(CONTACT))
                    .expectEvents(new ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT, OTHER_ACCOUNT), NOW));

            assertThat(keys.holdsKeyOf(CONTACT)).isFalse();
            assertThat(vault.open(CONTACT, added.identity())).isEmpty();
        }

        @Test
        void canEraseAContactThatWasMergedAway() {
            fixture.given(added, new ContactMergedInto(CONTACT, ACCOUNT, SURVIVOR, NOW))
                    .when(new EraseContact(CONTACT))
                    .expectEvents(new ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT), NOW));
        }

        @Test
        void cannotEraseTwice() {
            fixture.given(added, new ContactErased(CONTACT, ACCOUNT, List.of(ACCOUNT), NOW))
                    .when(new EraseContact(CONTACT))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("contact " + CONTACT + " is already erased")
                    .expectNoEvents();
        }
    }
}
