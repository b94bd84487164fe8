package org.relationshipledger.contacts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.api.Api.Reply;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md invariant 9: every bad request is answered with problem+json naming the field, writes no event, and
 * the service keeps serving.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    StoredEvents storedEvents;

    private Api api;
    private String account;
    private String contact;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        account = api.openAccount("Bad Input Test " + UUID.randomUUID());
        contact = api.addContact(account, Map.of("fullName", "Rita Valid", "email", "rita@valid.example",
                "title", "Buyer"));
    }

    @Test
    void malformedJsonIsRefused() {
        refused(HttpMethod.POST, "/accounts", "{\"name\": \"Acme\", ", HttpStatus.BAD_REQUEST, "body");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        refused(HttpMethod.POST, "/accounts", Map.of("segment", "SMB"), HttpStatus.BAD_REQUEST, "name");
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts", Map.of("fullName", "No Title"),
                HttpStatus.BAD_REQUEST, "title");
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts", Map.of("title", "Nameless"),
                HttpStatus.BAD_REQUEST, "fullName");
    }

    @Test
    void aBlankRequiredFieldIsRefused() {
        refused(HttpMethod.POST, "/accounts", Map.of("name", "   ", "segment", "SMB"), HttpStatus.BAD_REQUEST, "name");
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts", Map.of("fullName", " ", "title", "Buyer"),
                HttpStatus.BAD_REQUEST, "fullName");
        refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("department", "  "), HttpStatus.BAD_REQUEST,
                "department");
    }

    @Test
    void anInvalidEmailIsRefused() {
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts",
                Map.of("fullName", "Ann Example", "email", "ann-at-example", "title", "Buyer"),
                HttpStatus.BAD_REQUEST, "email");
        refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("email", "rita@nowhere"), HttpStatus.BAD_REQUEST,
                "email");
    }

    @Test
    void anUnknownEnumValueOrMalformedNumberIsRefusedNamingTheField() {
        refused(HttpMethod.POST, "/accounts", Map.of("name", "Acme", "segment", "GIGANTIC"), HttpStatus.BAD_REQUEST,
                "segment");
        refused(HttpMethod.POST, "/accounts/" + account + "/contract-value",
                Map.of("annualValue", "lots", "currency", "EUR"), HttpStatus.BAD_REQUEST, "annualValue");
        refused(HttpMethod.POST, "/accounts/" + account + "/contract-value",
                Map.of("annualValue", "-5", "currency", "EUR"), HttpStatus.BAD_REQUEST, "annualValue");
        refused(HttpMethod.POST, "/accounts/" + account + "/contract-value",
                Map.of("annualValue", "5", "currency", "euro"), HttpStatus.BAD_REQUEST, "currency");
    }

    @Test
    void overLongStringsAreRefused() {
        refused(HttpMethod.POST, "/accounts", Map.of("name", "A".repeat(201), "segment", "SMB"),
                HttpStatus.BAD_REQUEST, "name");
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts",
                Map.of("fullName", "B".repeat(201), "title", "Buyer"), HttpStatus.BAD_REQUEST, "fullName");
        refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("title", "C".repeat(201)), HttpStatus.BAD_REQUEST,
                "title");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        long before = eventCount();
        Reply reply = api.post("/accounts", Map.of("name", "D".repeat(70_000), "segment", "SMB"));

        assertThat(reply.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(reply.headers().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertStillServingAndNothingWritten(before);
    }

    @Test
    void unknownIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        refused(HttpMethod.GET, "/accounts/" + unknown, null, HttpStatus.NOT_FOUND, "accountId");
        refused(HttpMethod.POST, "/accounts/" + unknown + "/churn", Map.of("reason", "PRICE"), HttpStatus.NOT_FOUND,
                "accountId");
        refused(HttpMethod.POST, "/accounts/" + unknown + "/contacts", Map.of("fullName", "X Y", "title", "Buyer"),
                HttpStatus.NOT_FOUND, "accountId");
        refused(HttpMethod.GET, "/contacts/" + unknown, null, HttpStatus.NOT_FOUND, "contactId");
        refused(HttpMethod.PATCH, "/contacts/" + unknown, Map.of("title", "CFO"), HttpStatus.NOT_FOUND, "contactId");
        refused(HttpMethod.POST, "/contacts/" + unknown + "/erasure", null, HttpStatus.NOT_FOUND, "contactId");
        refused(HttpMethod.POST, "/contacts/" + contact + "/merge", Map.of("duplicateContactId", unknown),
                HttpStatus.NOT_FOUND, "duplicateContactId");
        refused(HttpMethod.POST, "/accounts/" + account + "/contacts",
                Map.of("existingContactId", unknown, "title", "Buyer"), HttpStatus.NOT_FOUND, "existingContactId");
    }

    @Test
    void operationsOnAChurnedAccountConflict() {
        api.post("/accounts/" + account + "/churn", Map.of("reason", "PRICE")).expect(HttpStatus.OK);

        Reply reply = refused(HttpMethod.POST, "/accounts/" + account + "/contacts",
                Map.of("fullName", "Late Comer", "title", "Buyer"), HttpStatus.CONFLICT, "accountId");
        assertThat(reply.body().get("detail").asText()).contains("churned");
        refused(HttpMethod.POST, "/accounts/" + account + "/contract-value",
                Map.of("annualValue", "10", "currency", "EUR"), HttpStatus.CONFLICT, "annualValue");
        refused(HttpMethod.POST, "/accounts/" + account + "/churn", Map.of("reason", "PRICE"), HttpStatus.CONFLICT,
                "reason");
        refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("title", "CFO"), HttpStatus.CONFLICT, "accountId");
    }

    @Test
    void operationsOnAnErasedContactConflict() {
        api.post("/contacts/" + contact + "/erasure", null).expect(HttpStatus.OK);

        Reply reply = refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("title", "CFO"), HttpStatus.CONFLICT,
                "contactId");
        assertThat(reply.body().get("detail").asText()).contains("erased");
        refused(HttpMethod.POST, "/contacts/" + contact + "/departure", null, HttpStatus.CONFLICT, "contactId");
        refused(HttpMethod.POST, "/contacts/" + contact + "/erasure", null, HttpStatus.CONFLICT, "contactId");
    }

    @Test
    void mergingAContactIntoItselfIsUnprocessable() {
        refused(HttpMethod.POST, "/contacts/" + contact + "/merge", Map.of("duplicateContactId", contact),
                HttpStatus.UNPROCESSABLE_ENTITY, "duplicateContactId");
    }

    @Test
    void mergingAcrossAccountsIsUnprocessable() {
        String elsewhere = api.openAccount("Elsewhere " + UUID.randomUUID());
        String stranger = api.addContact(elsewhere, Map.of("fullName", "Rita Valid", "title", "Buyer"));

        refused(HttpMethod.POST, "/contacts/" + contact + "/merge", Map.of("duplicateContactId", stranger),
                HttpStatus.UNPROCESSABLE_ENTITY, "duplicateContactId");
    }

    @Test
    void aStaleUpdateConflicts() {
        api.patch("/contacts/" + contact, Map.of("title", "Senior Buyer", "expectedVersion", 0)).expect(HttpStatus.OK);

        refused(HttpMethod.PATCH, "/contacts/" + contact, Map.of("title", "Lead Buyer", "expectedVersion", 0),
                HttpStatus.CONFLICT, "expectedVersion");
        refused(HttpMethod.POST, "/accounts/" + account + "/contract-value",
                Map.of("annualValue", "10", "currency", "EUR", "expectedVersion", 7), HttpStatus.CONFLICT, "expectedVersion");
        assertThat(api.get("/contacts/" + contact).body().get("memberships").get(0).get("title").asText())
                .isEqualTo("Senior Buyer");
    }

    @Test
    void linkingAPersonWhileAlsoSendingTheirPersonalDataIsRefused() {
        Map<String, Object> body = new HashMap<>(Map.of("existingContactId", contact, "fullName", "Rita Again",
                "title", "Buyer"));
        refused(HttpMethod.POST, "/accounts/" + api.openAccount("Link " + UUID.randomUUID()) + "/contacts", body,
                HttpStatus.BAD_REQUEST, "existingContactId");
    }

    private Reply refused(HttpMethod method, String path, Object body, HttpStatus status, String field) {
        long before = eventCount();
        Reply reply = api.exchange(method, path, body);

        assertThat(reply.status()).as("%s %s answered %s", method, path, reply.body()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(reply.body().get("status").asInt()).isEqualTo(status.value());
        if (field != null) {
            assertThat(reply.body().get("errors")).as("errors of %s", reply.body()).isNotNull();
            assertThat(reply.body().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
            assertThat(reply.body().get("errors")).allSatisfy(error -> assertThat(error.get("message").asText())
                    .isNotBlank());
        }
        assertStillServingAndNothingWritten(before);
        return reply;
    }

    private void assertStillServingAndNothingWritten(long before) {
        assertThat(eventCount()).as("events stored").isEqualTo(before);
        JsonNode stillThere = api.get("/accounts/" + account).expect(HttpStatus.OK).body();
        assertThat(stillThere.get("id").asText()).isEqualTo(account);
    }

    private long eventCount() {
        return storedEvents.collection().countDocuments();
    }
}
