package org.relationshipledger.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** Invariant 9 for mapping: every bad input is a problem+json answer, writes nothing, and the service keeps serving. */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    KnownContacts knownContacts;

    final String account = UUID.randomUUID().toString();
    final String otherAccount = UUID.randomUUID().toString();
    final String ceo = "ceo-" + UUID.randomUUID();
    final String vp = "vp-" + UUID.randomUUID();
    final String analyst = "analyst-" + UUID.randomUUID();
    final String departed = "departed-" + UUID.randomUUID();
    final String elsewhere = "elsewhere-" + UUID.randomUUID();
    final String erased = "erased-" + UUID.randomUUID();
    final String twin = "twin-" + UUID.randomUUID();
    String base;
    MappingHttp http;

    @BeforeAll
    void anAccountWithAHierarchy() {
        http = new MappingHttp(rest);
        base = "/accounts/" + account;
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.added(account, ceo, "CEO");
            contacts.added(account, vp, "VP");
            contacts.added(account, analyst, "Analyst");
            contacts.added(account, departed, "Former CTO");
            contacts.left(account, departed);
            contacts.added(otherAccount, elsewhere, "Buyer elsewhere");
            contacts.added(account, erased, "Former CFO");
            contacts.erased(account, erased);
            contacts.added(account, twin, "Analyst (duplicate record)");
            contacts.publish(twin, new ContactEvent.ContactsMerged(account, analyst, twin, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                knownContacts.standing(account, analyst) == ContactStanding.ACTIVE
                        && knownContacts.standing(account, departed) == ContactStanding.LEFT
                        && knownContacts.standing(account, erased) == ContactStanding.ERASED
                        && knownContacts.standing(account, twin) == ContactStanding.MERGED
                        && knownContacts.standing(otherAccount, elsewhere) == ContactStanding.ACTIVE);
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(vp, ceo));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(analyst, vp));
    }

    @Test
    void rejectsAReportingLineThatWouldCloseACycleAndNamesTheCycle() {
        MappingHttp.Answer answer = refused(() -> http.put(base + "/reporting-lines", line(ceo, analyst)),
                422, "managerId");

        assertThat(answer.body().path("detail").asText())
                .isEqualTo("this line would close the reporting cycle %s → %s → %s → %s".formatted(ceo, analyst, vp, ceo));
    }

    @Test
    void rejectsAContactReportingToThemselves() {
        refused(() -> http.put(base + "/reporting-lines", line(vp, vp)), 422, "managerId");
    }

    @Test
    void rejectsASelfRelationship() {
        refused(() -> http.put(base + "/relationships", relationship(vp, vp, "INFLUENCES", 3)), 422, "toContactId");
    }

    @ParameterizedTest(name = "strength {0}")
    @ValueSource(ints = {0, 9})
    void rejectsAStrengthOutsideOneToFive(int strength) {
        refused(() -> http.put(base + "/relationships", relationship(ceo, vp, "DEFERS_TO", strength)), 400, "strength");
    }

    @Test
    void rejectsAnUnknownRelationshipType() {
        refused(() -> http.put(base + "/relationships", relationship(ceo, vp, "ADORES", 3)), 400, null);
    }

    @Test
    void rejectsAnUnknownReportingLineKind() {
        refused(() -> http.put(base + "/reporting-lines",
                "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"SIDEWAYS\"}".formatted(analyst, ceo)),
                400, null);
    }

    @Test
    void rejectsAnUnknownReason() {
        refused(() -> http.put(base + "/relationships", relationship(ceo, vp, "DEFERS_TO", 3).replace("TRUST", "VIBES")),
                400, null);
    }

    @Test
    void rejectsAnUnknownBuyingRole() {
        refused(() -> http.put(base + "/roles/" + ceo, "{\"role\":\"KINGMAKER\",\"stance\":\"ALLY\"}"), 400, null);
    }

    @Test
    void rejectsAnUnknownTypeWhenEndingARelationship() {
        refused(() -> http.delete(base + "/relationships/" + ceo + "/" + vp + "/ADORES"), 400, null);
    }

    @Test
    void rejectsAStrengthThatIsNotANumber() {
        refused(() -> http.put(base + "/relationships",
                relationship(ceo, vp, "DEFERS_TO", 3).replace("\"strength\":3", "\"strength\":\"strong\"")), 400, null);
    }

    @Test
    void rejectsAnErasedContactAsAConflict() {
        refused(() -> http.put(base + "/relationships", relationship(erased, ceo, "INFLUENCES", 3)),
                409, "fromContactId");
    }

    @Test
    void rejectsAMergedContactAsAConflictAndNamesTheWayOut() {
        MappingHttp.Answer answer = refused(() -> http.put(base + "/reporting-lines", line(twin, ceo)),
                409, "contactId");

        assertThat(answer.body().path("detail").asText()).contains("use the surviving contact");
    }

    @Test
    void rejectsADepartedManager() {
        refused(() -> http.put(base + "/reporting-lines", line(analyst, departed)), 409, "managerId");
    }

    @Test
    void rejectsAnUnknownStance() {
        refused(() -> http.put(base + "/roles/" + ceo, "{\"role\":\"DECISION_MAKER\",\"stance\":\"FRIENDLY\"}"),
                400, null);
    }

    @Test
    void rejectsMalformedJson() {
        refused(() -> http.put(base + "/affinities", "{\"contactId\":"), 400, null);
    }

    @Test
    void rejectsAnAffinityScoreOfSix() {
        refused(() -> http.put(base + "/affinities", affinity(ceo, 6)), 400, "score");
    }

    @Test
    void rejectsAnUnknownContactAsNotFound() {
        refused(() -> http.put(base + "/affinities", affinity("nobody-" + UUID.randomUUID(), 3)), 404, "contactId");
    }

    @Test
    void rejectsAContactWhoLeftAsAConflict() {
        refused(() -> http.put(base + "/relationships", relationship(departed, ceo, "INFLUENCES", 3)),
                409, "fromContactId");
    }

    @Test
    void rejectsAContactOfAnotherAccount() {
        refused(() -> http.put(base + "/relationships", relationship(ceo, elsewhere, "DEFERS_TO", 3)),
                404, "toContactId");
    }

    @Test
    void rejectsACoalitionWithAMemberWhoLeft() {
        refused(() -> http.post(base + "/coalitions",
                "{\"name\":\"Old guard\",\"alignment\":\"OPPOSED\",\"memberIds\":[\"%s\",\"%s\"]}".formatted(ceo, departed)),
                409, "memberIds");
    }

    @Test
    void rejectsAValidFromInTheFuture() {
        refused(() -> http.put(base + "/roles/" + ceo, "{\"role\":\"USER\",\"stance\":\"ALLY\",\"validFrom\":\"%s\"}"
                .formatted(Instant.now().plus(Duration.ofDays(3)))), 400, "validFrom");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"org-chart", "influence-map", "backward-mapping", "approach-plan", "power-ranking", "coverage"})
    void rejectsAnAsOfInTheFutureOrMalformedOnEveryView(String view) {
        refused(() -> http.get(base + "/" + view + "?asOf=" + Instant.now().plus(Duration.ofHours(1))), 400, "asOf");
        refused(() -> http.get(base + "/" + view + "?asOf=yesterday"), 400, "asOf");
        refused(() -> http.get(base + "/" + view + "?asOf=2026-13-45T00:00:00Z"), 400, "asOf");
    }

    @Test
    void rejectsAnUnknownApproachStrategy() {
        refused(() -> http.get(base + "/approach-plan?strategy=charm"), 400, "strategy");
    }

    @Test
    void rejectsABackwardMappingFromSomeoneNotAtTheAccount() {
        refused(() -> http.get(base + "/backward-mapping?from=" + departed), 404, "from");
    }

    @Test
    void answersAnAccountMappingNeverHeardOfWithNotFound() {
        refused(() -> http.get("/accounts/" + UUID.randomUUID() + "/org-chart"), 404, "accountId");
    }

    /** The refusal is problem+json with the status and field, the event store did not grow, and the service still answers. */
    private MappingHttp.Answer refused(Supplier<MappingHttp.Answer> request, int status, String field) {
        long stored = storedEvents.collection().countDocuments();

        MappingHttp.Answer answer = request.get().isProblem(status, field);

        assertThat(storedEvents.collection().countDocuments()).isEqualTo(stored);
        MappingHttp.Answer chart = http.get(base + "/org-chart");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body().path("roots").findValuesAsText("contactId")).containsAll(List.of(ceo));
        return answer;
    }

    static String line(String contact, String manager) {
        return "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"SOLID\"}".formatted(contact, manager);
    }

    static String relationship(String from, String to, String type, int strength) {
        return "{\"fromContactId\":\"%s\",\"toContactId\":\"%s\",\"type\":\"%s\",\"strength\":%d,\"reason\":\"TRUST\"}"
                .formatted(from, to, type, strength);
    }

    static String affinity(String contact, int score) {
        return "{\"contactId\":\"%s\",\"teamMemberId\":\"alice\",\"score\":%d}".formatted(contact, score);
    }
}
