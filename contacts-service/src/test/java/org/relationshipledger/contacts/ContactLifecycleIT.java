package org.relationshipledger.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.api.Api.Reply;
import org.relationshipledger.contacts.api.Api;
import org.relationshipledger.contacts.api.Topic;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.ContactProfile;
import org.relationshipledger.contracts.ContractSamples;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole account and contact lifecycle over HTTP, every fact it records arriving on Kafka through the relay, and
 * each delivered record reading like its approved sample in ledger-contracts.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactLifecycleIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void aUserDrivesAccountsAndContactsThroughTheirLifecycleAndEveryFactReachesKafka() {
        Api api = new Api(http);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String account = api.openAccount("Nordhafen Logistics " + unique);
        String otherAccount = api.openAccount("Elbwerft " + unique);

        assertThat(api.get("/accounts/" + account).expect(HttpStatus.OK).body().get("status").asText())
                .isEqualTo("OPEN");
        api.post("/accounts/" + account + "/contract-value", Map.of("annualValue", "184500.00", "currency", "EUR"))
                .expect(HttpStatus.OK);
        Reply renewed = api.post("/accounts/" + account + "/renewal", Map.of("renewedUntil", "2099-12-31",
                "annualValue", "210000.00", "currency", "EUR")).expect(HttpStatus.OK);
        assertThat(renewed.body().get("annualValue").decimalValue()).isEqualByComparingTo("210000.00");
        assertThat(renewed.body().get("version").asLong()).isEqualTo(2);

        String ingrid = api.addContact(account, Map.of("fullName", "Ingrid Bergström " + unique,
                "email", "ingrid." + unique + "@nordhafen.example", "phone", "+49 40 5550 1234",
                "title", "Head of Procurement", "department", "Finance", "function", "Procurement",
                "seniority", "DIRECTOR"));
        String twin = api.addContact(account, Map.of("fullName", "Ingrid  Bergstrom " + unique,
                "email", "Ingrid." + unique + "@Nordhafen.example", "title", "Procurement"));
        String piet = api.addContact(account, Map.of("fullName", "Piet de Wit " + unique, "title", "CFO",
                "department", "Finance", "seniority", "C_LEVEL"));

        Reply moved = api.patch("/contacts/" + piet, Map.of("department", "Board", "expectedVersion", 0))
                .expect(HttpStatus.OK);
        assertThat(moved.body().get("memberships").get(0).get("department").asText()).isEqualTo("Board");
        assertThat(api.get("/accounts/" + account + "/contacts?department=Finance").body())
                .extracting(node -> node.get("id").asText()).containsExactly(ingrid);
        assertThat(api.get("/accounts/" + account + "/contacts?q=de+wit").body())
                .extracting(node -> node.get("id").asText()).containsExactly(piet);

        Reply linked = api.post("/accounts/" + otherAccount + "/contacts",
                Map.of("existingContactId", ingrid, "title", "Advisory Board Member")).expect(HttpStatus.CREATED);
        assertThat(linked.id()).isEqualTo(ingrid);
        JsonNode ingridView = api.get("/contacts/" + ingrid).expect(HttpStatus.OK).body();
        assertThat(ingridView.get("accountIds")).extracting(JsonNode::asText)
                .containsExactly(account, otherAccount);
        assertThat(ingridView.get("fullName").asText()).isEqualTo("Ingrid Bergström " + unique);

        JsonNode candidates = api.get("/accounts/" + account + "/duplicate-candidates").expect(HttpStatus.OK).body();
        assertThat(candidates).hasSize(1);
        assertThat(Set.of(candidates.get(0).get("contactId").asText(), candidates.get(0).get("otherContactId").asText()))
                .containsExactlyInAnyOrder(ingrid, twin);
        api.post("/contacts/" + ingrid + "/merge", Map.of("duplicateContactId", twin)).expect(HttpStatus.OK);
        assertThat(api.get("/contacts/" + twin).body().get("status").asText()).isEqualTo("MERGED");
        assertThat(api.get("/contacts/" + twin).body().get("mergedInto").asText()).isEqualTo(ingrid);
        assertThat(api.get("/accounts/" + account + "/duplicate-candidates").body()).isEmpty();

        Reply left = api.post("/contacts/" + piet + "/departure", null).expect(HttpStatus.OK);
        assertThat(left.body().get("memberships").get(0).get("current").asBoolean()).isFalse();
        api.post("/contacts/" + piet + "/erasure", null).expect(HttpStatus.OK);

        api.post("/accounts/" + account + "/churn", Map.of("reason", "COMPETITOR")).expect(HttpStatus.OK);
        assertThat(api.get("/accounts?status=CHURNED").body()).extracting(node -> node.get("id").asText())
                .contains(account).doesNotContain(otherAccount);
        api.post("/accounts/" + account + "/reopening", null).expect(HttpStatus.OK);
        assertThat(api.get("/accounts?segment=ENTERPRISE&status=OPEN").body())
                .extracting(node -> node.get("id").asText()).contains(account, otherAccount);

        JsonNode history = api.get("/accounts/" + account + "/history").expect(HttpStatus.OK).body();
        assertThat(history).extracting(entry -> entry.get("type").asText()).startsWith(
                "contacts.Account.AccountOpened", "contacts.Account.ContractValueChanged",
                "contacts.Account.AccountRenewed", "contacts.Contact.ContactAdded");
        assertThat(history).extracting(entry -> entry.get("type").asText()).contains(
                "contacts.Contact.ContactMergedInto", "contacts.Contact.ContactLeft", "contacts.Contact.ContactErased",
                "contacts.Account.AccountChurned", "contacts.Account.AccountReopened")
                .doesNotContain("contacts.Contact.ContactLinked");
        assertThat(history.toString()).contains("Ingrid Bergström " + unique).doesNotContain("Piet de Wit");

        Map<String, List<Class<?>>> expected = Map.of(
                account, List.of(AccountEvent.AccountOpened.class, AccountEvent.ContractValueChanged.class,
                        AccountEvent.AccountRenewed.class, ContactEvent.ContactAdded.class,
                        ContactEvent.ContactAdded.class, ContactEvent.ContactAdded.class,
                        ContactEvent.ContactDetailsChanged.class, ContactEvent.ContactsMerged.class,
                        ContactEvent.ContactLeft.class, ContactEvent.ContactErased.class,
                        AccountEvent.AccountChurned.class, AccountEvent.AccountReopened.class),
                otherAccount, List.of(AccountEvent.AccountOpened.class, ContactEvent.ContactAdded.class));
        Map<String, List<IntegrationEvent>> received = new HashMap<>();
        List<LedgerEnvelope> envelopes = new ArrayList<>();
        Topic.readUntil(records -> {
            received.clear();
            envelopes.clear();
            records.stream().filter(record -> expected.containsKey(record.key()))
                    .map(EnvelopeCodec::fromRecord)
                    .forEach(envelope -> {
                        envelopes.add(envelope);
                        received.computeIfAbsent(envelope.accountId(), k -> new ArrayList<>())
                                .add(LedgerJson.read(envelope));
                    });
            return expected.entrySet().stream().allMatch(
                    e -> received.getOrDefault(e.getKey(), List.of()).size() >= e.getValue().size());
        }, Topics.CONTACTS);
        envelopes.forEach(ContactLifecycleIT::matchesItsApprovedSample);
        expected.forEach((accountId, types) -> {
            List<IntegrationEvent> events = received.get(accountId);
            assertThat(events).hasSameSizeAs(types);
            assertThat(events).allSatisfy(event -> assertThat(event.accountId()).isEqualTo(accountId));
            assertThat(events.stream().map(Object::getClass).map(Class.class::cast).toList())
                    .containsExactlyInAnyOrderElementsOf(types);
        });
        assertThat(received.get(account)).filteredOn(ContactEvent.ContactsMerged.class::isInstance)
                .singleElement().isInstanceOfSatisfying(ContactEvent.ContactsMerged.class, merged -> {
                    assertThat(merged.survivingContactId()).isEqualTo(ingrid);
                    assertThat(merged.mergedContactId()).isEqualTo(twin);
                });

        List<LedgerEnvelope> profiles = Topic.readUntil(records -> records.stream()
                        .anyMatch(record -> record.key().equals(ingrid)), Topics.CONTACT_PROFILES).stream()
                .filter(record -> record.key().equals(ingrid)).map(EnvelopeCodec::fromRecord).toList();
        ContactProfile profile = LedgerJson.mapper().convertValue(
                readTree(profiles.get(profiles.size() - 1).data()), ContactProfile.class);
        assertThat(profile.fullName()).isEqualTo("Ingrid Bergström " + unique);
        assertThat(profile.accountId()).isEqualTo(account);
    }

    /** The consumer side of the contract: what the relay delivered reads like the approved sample of its type. */
    private static void matchesItsApprovedSample(LedgerEnvelope envelope) {
        Class<?> type = EventCatalog.classFor(envelope.type(), envelope.revision()).orElseThrow();
        try {
            JsonNode delivered = ContractSamples.mapper().readTree(envelope.data());
            JsonNode sample = ContractSamples.mapper().readTree(ContractSamples.sample(type));
            assertThat(fieldNames(delivered)).as(envelope.type()).isEqualTo(fieldNames(sample));
            assertThat(ContractSamples.mapper().readValue(envelope.data(), type)).isEqualTo(LedgerJson.read(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode readTree(byte[] data) {
        try {
            return LedgerJson.mapper().readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
