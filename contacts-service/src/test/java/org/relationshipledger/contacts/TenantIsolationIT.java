package org.relationshipledger.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.api.Api;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Two tenants on one contacts-service: neither reads nor writes the other's accounts and contacts. */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationIT {

    private static final DevelopmentTokens TOKENS = DevelopmentTokens.forTests();

    @Autowired
    TestRestTemplate http;

    @Autowired
    StoredEvents storedEvents;

    @Test
    void noReadOrWriteCrossesTenants() {
        Api alpha = new Api(http).as(TOKENS.mint("alpha", "viewer", "editor", "admin"));
        Api beta = new Api(http).as(TOKENS.mint("beta", "viewer", "editor", "admin"));
        String alphaAccount = alpha.openAccount("Alpha Holdings");
        String alphaContact = alpha.addContact(alphaAccount, contact("Ada Alpha"));
        String betaAccount = beta.openAccount("Beta Industries");
        String betaContact = beta.addContact(betaAccount, contact("Bert Beta"));
        long stored = storedEvents.collection().countDocuments();

        assertThat(beta.get("/accounts").body().findValuesAsText("id")).contains(betaAccount).doesNotContain(alphaAccount);
        assertThat(alpha.get("/accounts").body().findValuesAsText("id")).contains(alphaAccount).doesNotContain(betaAccount);
        for (String path : List.of("/accounts/" + alphaAccount, "/accounts/" + alphaAccount + "/contacts",
                "/accounts/" + alphaAccount + "/history", "/accounts/" + alphaAccount + "/duplicate-candidates",
                "/contacts/" + alphaContact)) {
            Api.Reply reply = beta.get(path).expect(HttpStatus.NOT_FOUND);
            assertThat(reply.headers().getContentType()).as(path).isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(reply.body().toString()).doesNotContain("Ada Alpha");
        }

        beta.post("/accounts/" + alphaAccount + "/contacts", contact("Intruder")).expect(HttpStatus.NOT_FOUND);
        beta.post("/accounts/" + alphaAccount + "/churn", Map.of("reason", "PRICE")).expect(HttpStatus.NOT_FOUND);
        beta.patch("/contacts/" + alphaContact, Map.of("title", "Hijacked")).expect(HttpStatus.NOT_FOUND);
        beta.post("/contacts/" + alphaContact + "/departure", Map.of()).expect(HttpStatus.NOT_FOUND);
        beta.post("/contacts/" + alphaContact + "/erasure", Map.of()).expect(HttpStatus.NOT_FOUND);
        beta.post("/contacts/" + betaContact + "/merge", Map.of("duplicateContactId", alphaContact))
                .expect(HttpStatus.NOT_FOUND);
        beta.post("/accounts/" + betaAccount + "/contacts", Map.of("existingContactId", alphaContact, "title", "CFO"))
                .expect(HttpStatus.NOT_FOUND);

        assertThat(storedEvents.collection().countDocuments()).as("no refused request wrote anything").isEqualTo(stored);
        assertThat(alpha.get("/contacts/" + alphaContact).expect(HttpStatus.OK).body().get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void onlyAnAdminErasesAndAViewerCannotWrite() {
        Api editor = new Api(http).as(TOKENS.mint("gamma", "viewer", "editor"));
        Api viewer = new Api(http).as(TOKENS.mint("gamma", "viewer"));
        String account = editor.openAccount("Gamma Freight");
        String contact = editor.addContact(account, contact("Gil Gamma"));

        editor.post("/contacts/" + contact + "/erasure", Map.of()).expect(HttpStatus.FORBIDDEN);
        viewer.post("/accounts/" + account + "/contacts", contact("Vera Viewer")).expect(HttpStatus.FORBIDDEN);
        viewer.get("/contacts/" + contact).expect(HttpStatus.OK);
        new Api(http).as(TOKENS.mint("gamma", "admin")).post("/contacts/" + contact + "/erasure", Map.of())
                .expect(HttpStatus.OK);
    }

    private static Map<String, Object> contact(String name) {
        return Map.of("fullName", name, "title", "Head of Procurement", "seniority", "DIRECTOR");
    }
}
