package org.relationshipledger.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The relationship-mapping story of a real account, end to end over HTTP on real infrastructure: the decision
 * maker defers to a VP, who defers to an analyst our team knows well — so that is where we start.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelationshipMappingStoryIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    KnownContacts knownContacts;

    @Autowired
    ChainVerifier chainVerifier;

    final String account = UUID.randomUUID().toString();
    final String ceo = "ceo-" + UUID.randomUUID();
    final String vp = "vp-" + UUID.randomUUID();
    final String analyst = "analyst-" + UUID.randomUUID();
    final String cfo = "cfo-" + UUID.randomUUID();

    @Test
    void theDecisionMakerDefersToAVpWhoDefersToAnAnalystOurTeamKnowsWell() {
        MappingHttp http = new MappingHttp(rest);
        String base = "/accounts/" + account;

        // 1. The account's people arrive from contacts-service, as contacts.ContactAdded records on Kafka.
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.added(account, ceo, "Chief Executive Officer");
            contacts.added(account, vp, "VP Engineering");
            contacts.added(account, analyst, "Lead Analyst");
            contacts.added(account, cfo, "Chief Financial Officer");
            awaitStanding(List.of(ceo, vp, analyst, cfo), ContactStanding.ACTIVE);
        }
        assertThat(http.get(base + "/org-chart").body().path("roots")).hasSize(4);
        Instant beforeTheChart = Instant.now();

        // 2. Sketch the org chart: the VP and the CFO report to the CEO; the analyst to the VP, dotted to the CFO.
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(vp, ceo, "SOLID"));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(cfo, ceo, "SOLID"));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(analyst, vp, "SOLID"));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(analyst, cfo, "DOTTED"));

        // 3. Who decides and where they stand.
        http.ok(HttpMethod.PUT, base + "/roles/" + ceo, "{\"role\":\"DECISION_MAKER\",\"stance\":\"NEUTRAL\"}");
        http.ok(HttpMethod.PUT, base + "/roles/" + cfo, "{\"role\":\"ECONOMIC_BUYER\",\"stance\":\"OPPONENT\"}");
        http.ok(HttpMethod.PUT, base + "/roles/" + analyst, "{\"role\":\"CHAMPION\",\"stance\":\"ALLY\"}");
        http.ok(HttpMethod.POST, base + "/interests", """
                {"contactId":"%s","kind":"CONCERN","horizon":"SHORT_TERM","text":"platform stability this quarter"}
                """.formatted(ceo));
        JsonNode chartBeforeTheRelationships = http.get(base + "/org-chart").body();
        JsonNode influenceBeforeTheRelationships = http.get(base + "/influence-map").body();
        Instant beforeTheRelationships = Instant.now();

        // 4. Who defers to whom: the CEO to the VP on technology, the VP to the analyst; the CFO opposes the VP.
        http.ok(HttpMethod.PUT, base + "/relationships", relationship(ceo, vp, "DEFERS_TO", 5, "EXPERTISE"));
        http.ok(HttpMethod.PUT, base + "/relationships", relationship(vp, analyst, "DEFERS_TO", 4, "TRUST"));
        http.ok(HttpMethod.PUT, base + "/relationships", relationship(cfo, vp, "OPPOSES", 3, "PAST_CONFLICT"));
        JsonNode coalition = http.ok(HttpMethod.POST, base + "/coalitions", """
                {"name":"Platform modernisers","alignment":"ALIGNED","memberIds":["%s","%s"]}""".formatted(vp, analyst));

        // 5. How well our team knows them: both ratings of the analyst stay side by side.
        http.ok(HttpMethod.PUT, base + "/affinities", affinity(analyst, "alice", 5));
        http.ok(HttpMethod.PUT, base + "/affinities", affinity(analyst, "bob", 2));
        http.ok(HttpMethod.PUT, base + "/affinities", affinity(ceo, "bob", 1));

        // 6. Backward mapping from the decision maker: CEO → VP → analyst, through alice.
        JsonNode mapping = http.get(base + "/backward-mapping").body();
        assertThat(mapping.path("fromContactId").asText()).isEqualTo(ceo);
        JsonNode path = mapping.path("paths").get(0);
        assertThat(path.path("targetContactId").asText()).isEqualTo(analyst);
        assertThat(path.path("teamMemberId").asText()).isEqualTo("alice");
        assertThat(path.path("affinity").asInt()).isEqualTo(5);
        assertThat(path.path("steps").findValuesAsText("contactId")).containsExactly(ceo, vp);
        assertThat(path.path("steps").findValuesAsText("relationship")).containsExactly("DEFERS_TO", "DEFERS_TO");
        assertThat(path.path("steps").get(0).path("says").asText())
                .isEqualTo("Chief Executive Officer defers to VP Engineering (strength 5, EXPERTISE)");

        JsonNode chart = http.get(base + "/org-chart").body();
        assertThat(chart.path("roots")).hasSize(1);
        assertThat(chart.path("roots").get(0).path("role").asText()).isEqualTo("DECISION_MAKER");
        assertThat(chart.path("otherLines").get(0).path("kind").asText()).isEqualTo("DOTTED");
        JsonNode influence = http.get(base + "/influence-map").body();
        assertThat(influence.path("edges")).hasSize(3);
        JsonNode analystNode = StreamSupport.stream(influence.path("nodes").spliterator(), false)
                .filter(n -> n.path("contactId").asText().equals(analyst)).findFirst().orElseThrow();
        assertThat(analystNode.path("affinities").findValuesAsText("teamMemberId")).containsExactly("alice", "bob");
        assertThat(influence.findValuesAsText("text")).contains("platform stability this quarter");
        assertThat(influence.path("coalitions").get(0).path("coalitionId").asText())
                .isEqualTo(coalition.path("coalitionId").asText());
        assertThat(http.get(base + "/power-ranking").body().path("ranking").get(0).path("contactId").asText())
                .isEqualTo(analyst);
        assertThat(http.get(base + "/approach-plan?strategy=bootstrapping").body().path("steps").get(0)
                .path("contactId").asText()).isEqualTo(analyst);
        assertThat(http.get(base + "/coverage").body().path("gaps").findValuesAsText("contactId"))
                .containsExactlyInAnyOrder(ceo, cfo);

        // As of earlier instants the views answer from what was recorded then.
        JsonNode before = http.get(base + "/backward-mapping?asOf=" + beforeTheRelationships).body();
        assertThat(before.path("paths")).isEmpty();
        assertThat(before.path("reason").asText()).startsWith("no contact with team affinity ≥ 4");
        assertThat(http.get(base + "/org-chart?asOf=" + beforeTheChart).body().path("roots")).hasSize(4);
        JsonNode chartThen = http.get(base + "/org-chart?asOf=" + beforeTheRelationships).body();
        assertThat(chartThen.path("roots")).isEqualTo(chartBeforeTheRelationships.path("roots"));
        assertThat(chartThen.path("otherLines")).isEqualTo(chartBeforeTheRelationships.path("otherLines"));
        JsonNode influenceThen = http.get(base + "/influence-map?asOf=" + beforeTheRelationships).body();
        assertThat(influenceThen.path("nodes")).isEqualTo(influenceBeforeTheRelationships.path("nodes"));
        assertThat(influenceThen.path("edges")).isEmpty();

        // The VP leaves: gone from today's chart (the analyst keeps the dotted line and stands unassigned),
        // still on the chart as it was.
        Instant beforeTheDeparture = Instant.now();
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.left(account, vp);
            contacts.erased(account, cfo);
            awaitStanding(List.of(vp), ContactStanding.LEFT);
            awaitStanding(List.of(cfo), ContactStanding.ERASED);
        }
        JsonNode today = http.get(base + "/org-chart").body();
        assertThat(today.path("roots").findValuesAsText("contactId")).doesNotContain(vp).contains(analyst);
        assertThat(today.path("roots").findValuesAsText("label")).contains("erased contact")
                .doesNotContain("Chief Financial Officer");
        JsonNode then = http.get(base + "/org-chart?asOf=" + beforeTheDeparture).body();
        assertThat(then.findValuesAsText("contactId")).contains(vp);
        assertThat(http.get(base + "/backward-mapping").body().path("paths")).isEmpty();

        // Every fact went out in the published language, keyed by account, and the stream's chain is intact:
        // 4 reporting lines, 3 roles, 1 interest, 3 relationships, 1 coalition and 3 affinities are 15 stored events.
        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            List<MappingEvent> published = kafka.readUntil(records -> records.stream()
                            .filter(r -> account.equals(r.key())).count() >= 15, Duration.ofSeconds(30), Topics.MAPPING)
                    .stream().filter(r -> account.equals(r.key()))
                    .map(r -> (MappingEvent) LedgerJson.read(EnvelopeCodec.fromRecord(r))).toList();
            assertThat(published).hasSize(15);
            assertThat(published).filteredOn(MappingEvent.RelationshipChanged.class::isInstance).hasSize(3);
            assertThat(published).filteredOn(MappingEvent.AffinityRated.class::isInstance).hasSize(3);
            assertThat(published).filteredOn(MappingEvent.InterestRecorded.class::isInstance).singleElement()
                    .satisfies(interest -> assertThat(((MappingEvent.InterestRecorded) interest).contactId())
                            .isEqualTo(ceo));
        }
        assertThat(chainVerifier.verify(account, OptionalLong.empty()).intact()).isTrue();
    }

    private void awaitStanding(List<String> contacts, ContactStanding standing) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.stream()
                .allMatch(contact -> knownContacts.standing(account, contact) == standing));
    }

    static String line(String contact, String manager, String kind) {
        return "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"%s\"}".formatted(contact, manager, kind);
    }

    static String relationship(String from, String to, String type, int strength, String reason) {
        return """
                {"fromContactId":"%s","toContactId":"%s","type":"%s","strength":%d,"reason":"%s",
                 "evidenceNote":"seen in the steering committee"}""".formatted(from, to, type, strength, reason);
    }

    static String affinity(String contact, String teamMember, int score) {
        return "{\"contactId\":\"%s\",\"teamMemberId\":\"%s\",\"score\":%d}".formatted(contact, teamMember, score);
    }
}
