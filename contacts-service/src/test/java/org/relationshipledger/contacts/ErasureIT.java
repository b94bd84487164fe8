package org.relationshipledger.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.api.Api.Reply;
import org.relationshipledger.contacts.api.Api;
import org.relationshipledger.contacts.api.Topic;
import org.relationshipledger.contracts.ContactEvent.ContactErased;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** DESIGN.md invariant 8: after erasure the person cannot be recovered from anything the service keeps. */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ChainVerifier chainVerifier;

    @Autowired
    StoredEvents storedEvents;

    @Test
    void anErasedPersonIsFoundNowhereWhileTheirIdHistoryAndHashChainStay() {
        Api api = new Api(http);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Wilhelmina Zeeberg-" + unique;
        String email = "w.zeeberg." + unique + "@hafenkontor.example";
        String newEmail = "wilhelmina." + unique + "@zeeberg.example";
        String phone = "+49 40 777 " + unique.replaceAll("[^0-9]", "1").substring(0, 4);
        List<String> pii = List.of(name, email, newEmail, phone, name.toLowerCase(), "Zeeberg-" + unique,
                "zeeberg " + unique);

        String account = api.openAccount("Hafenkontor " + unique);
        String otherAccount = api.openAccount("Kontor Nord " + unique);
        String contact = api.addContact(account, Map.of("fullName", name, "email", email, "phone", phone,
                "title", "Head of Procurement", "department", "Finance"));
        api.patch("/contacts/" + contact, Map.of("email", newEmail)).expect(HttpStatus.OK);
        api.addContact(otherAccount, Map.of("existingContactId", contact, "title", "Advisor"));
        assertThat(api.get("/contacts/" + contact).expect(HttpStatus.OK).body().get("email").asText())
                .isEqualTo(newEmail);
        Topic.readUntil(records -> latestProfile(records, contact) != null
                && new String(latestProfile(records, contact).value(), StandardCharsets.UTF_8).contains(newEmail),
                Topics.CONTACT_PROFILES);

        Reply erased = api.post("/contacts/" + contact + "/erasure", null).expect(HttpStatus.OK);

        assertThat(erased.body().get("id").asText()).isEqualTo(contact);
        assertThat(erased.body().get("status").asText()).isEqualTo("ERASED");
        assertThat(erased.body().get("displayName").asText()).isEqualTo("erased contact");
        assertThat(erased.body().toString()).doesNotContain(pii);
        assertThat(api.get("/accounts/" + account + "/contacts").body().toString()).contains(contact)
                .doesNotContain(pii);
        assertThat(api.get("/accounts/" + account + "/history").expect(HttpStatus.OK).body().toString())
                .contains(contact, "\"erased\":true").doesNotContain(pii);

        List<String> everyDocument = everyDocumentOfEveryDatabase();
        assertThat(everyDocument).anyMatch(json -> json.contains(contact));
        assertThat(everyDocument).noneMatch(json -> pii.stream().anyMatch(json::contains));

        assertThat(chainVerifier.verify(contact, OptionalLong.empty()).intact()).isTrue();
        assertThat(chainVerifier.verify(contact, OptionalLong.empty()).eventsChecked()).isEqualTo(4);

        List<ConsumerRecord<String, byte[]>> profiles = Topic.readUntil(
                records -> latestProfile(records, contact) != null && latestProfile(records, contact).value() == null,
                Topics.CONTACT_PROFILES);
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        profiles.forEach(record -> latest.put(record.key(), record));
        assertThat(latest.values()).filteredOn(record -> record.value() != null)
                .noneMatch(record -> pii.stream().anyMatch(
                        new String(record.value(), StandardCharsets.UTF_8)::contains));

        List<LedgerEnvelope> erasures = Topic.readUntil(
                        records -> erasuresOf(records, contact).size() >= 2, Topics.CONTACTS)
                .stream().filter(record -> erasuresOf(List.of(record), contact).size() == 1)
                .map(EnvelopeCodec::fromRecord).toList();
        assertThat(erasures).extracting(LedgerEnvelope::accountId).containsExactlyInAnyOrder(account, otherAccount);
        assertThat(erasures).extracting(LedgerJson::read)
                .allSatisfy(event -> assertThat(event).isInstanceOf(ContactErased.class));

        long stored = storedEvents.collection().countDocuments();
        Reply again = api.post("/contacts/" + contact + "/erasure", null).expect(HttpStatus.CONFLICT);
        assertThat(again.body().toString()).contains("already erased");
        api.patch("/contacts/" + contact, Map.of("title", "CFO")).expect(HttpStatus.CONFLICT);
        assertThat(storedEvents.collection().countDocuments()).isEqualTo(stored);
    }

    @Test
    void erasingASurvivorAlsoErasesTheDuplicateThatWasMergedIntoIt() {
        Api api = new Api(http);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String account = api.openAccount("Merge & Erase " + unique);
        String survivor = api.addContact(account, Map.of("fullName", "Jo Quist " + unique,
                "email", "jo." + unique + "@quist.example", "title", "Buyer"));
        String duplicate = api.addContact(account, Map.of("fullName", "Jo Quist " + unique,
                "email", "JO." + unique + "@Quist.example", "title", "Buyer"));
        api.post("/contacts/" + survivor + "/merge", Map.of("duplicateContactId", duplicate)).expect(HttpStatus.OK);

        api.post("/contacts/" + survivor + "/erasure", null).expect(HttpStatus.OK);

        assertThat(api.get("/contacts/" + duplicate).body().get("status").asText()).isEqualTo("ERASED");
        assertThat(everyDocumentOfEveryDatabase()).noneMatch(json -> json.contains("Quist " + unique)
                || json.toLowerCase().contains("jo." + unique + "@quist.example"));
    }

    private static List<String> everyDocumentOfEveryDatabase() {
        MongoClient mongo = RealInfrastructure.get().mongoClient();
        List<String> documents = new ArrayList<>();
        for (String databaseName : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
            }
        }
        return documents;
    }

    private static ConsumerRecord<String, byte[]> latestProfile(List<ConsumerRecord<String, byte[]>> records,
                                                                String contactId) {
        ConsumerRecord<String, byte[]> latest = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (contactId.equals(record.key())) {
                latest = record;
            }
        }
        return latest;
    }

    private static List<ConsumerRecord<String, byte[]>> erasuresOf(List<ConsumerRecord<String, byte[]>> records,
                                                                  String contactId) {
        return records.stream().filter(record -> {
            LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
            return envelope.type().equals("contacts.ContactErased") && envelope.streamId().equals(contactId);
        }).toList();
    }
}
