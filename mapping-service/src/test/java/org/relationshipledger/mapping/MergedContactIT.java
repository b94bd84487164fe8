package org.relationshipledger.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.mapping.accountmap.AccountMap;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * contacts-service finds that "Dana (old record)" and "Dana" are one person and merges the old record into Dana:
 * mapping carries the old record's facts over to Dana as new events, leaving behind the one that would make Dana
 * report to herself, and the chart as it was before the merge still shows the old record.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergedContactIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    KnownContacts knownContacts;

    @Autowired
    EventStore eventStore;

    @Autowired
    ChainVerifier chainVerifier;

    final String account = UUID.randomUUID().toString();
    final String ceo = "ceo-" + UUID.randomUUID();
    final String dana = "dana-" + UUID.randomUUID();
    final String oldDana = "old-dana-" + UUID.randomUUID();
    final String analyst = "analyst-" + UUID.randomUUID();

    @Test
    void carriesTheMergedRecordsFactsOverToTheSurvivorAndKeepsItsHistory() {
        MappingHttp http = new MappingHttp(rest);
        String base = "/accounts/" + account;
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.added(account, ceo, "Chief Executive Officer");
            contacts.added(account, dana, "Head of Procurement");
            contacts.added(account, oldDana, "Procurement Lead");
            contacts.added(account, analyst, "Analyst");
            awaitStanding(List.of(ceo, dana, oldDana, analyst), ContactStanding.ACTIVE);
        }
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(oldDana, ceo));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(analyst, oldDana));
        http.ok(HttpMethod.PUT, base + "/reporting-lines", line(oldDana, dana));
        http.ok(HttpMethod.PUT, base + "/relationships", """
                {"fromContactId":"%s","toContactId":"%s","type":"DEFERS_TO","strength":4,"reason":"TRUST"}"""
                .formatted(ceo, oldDana));
        http.ok(HttpMethod.PUT, base + "/roles/" + oldDana, "{\"role\":\"CHAMPION\",\"stance\":\"ALLY\"}");
        http.ok(HttpMethod.PUT, base + "/affinities",
                "{\"contactId\":\"%s\",\"teamMemberId\":\"alice\",\"score\":5}".formatted(oldDana));
        http.ok(HttpMethod.POST, base + "/coalitions", """
                {"name":"Buyers","alignment":"ALIGNED","memberIds":["%s","%s"]}""".formatted(oldDana, analyst));
        long storedBeforeTheMerge = eventStore.readEvents(account).asStream().count();
        Instant beforeTheMerge = Instant.now();

        try (ContactFeed contacts = new ContactFeed()) {
            contacts.publish(oldDana, new ContactEvent.ContactsMerged(account, dana, oldDana, Instant.now()));
        }

        // Two lines, one relationship, the role, the affinity and the coalition membership are carried over; the
        // line "old Dana reports to Dana" would make Dana report to herself and is left behind.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventStore.readEvents(account).asStream().count() == storedBeforeTheMerge + 6);
        List<? extends DomainEventMessage<?>> carried = eventStore.readEvents(account).asStream()
                .skip(storedBeforeTheMerge).toList();
        assertThat(carried).hasSize(6).allSatisfy(event -> assertThat(event.getMetaData())
                .containsEntry(AccountMap.MERGED_FROM, oldDana));

        JsonNode chart = http.get(base + "/org-chart").body();
        assertThat(chart.findValuesAsText("contactId")).doesNotContain(oldDana);
        JsonNode danaNode = node(chart.path("roots").get(0).path("reports"), dana);
        assertThat(danaNode.path("role").asText()).isEqualTo("CHAMPION");
        assertThat(danaNode.path("reports").findValuesAsText("contactId")).containsExactly(analyst);
        JsonNode influence = http.get(base + "/influence-map").body();
        assertThat(influence.path("edges").findValuesAsText("toContactId")).containsExactly(dana);
        assertThat(StreamSupport.stream(influence.path("coalitions").get(0).path("memberIds").spliterator(), false)
                .map(JsonNode::asText).toList()).containsExactly(dana, analyst);
        assertThat(http.get(base + "/backward-mapping?from=" + ceo).body().path("paths").get(0).path("targetContactId").asText())
                .isEqualTo(dana);

        // What we knew before the merge still shows the old record, with its own lines.
        JsonNode then = http.get(base + "/org-chart?asOf=" + beforeTheMerge).body();
        assertThat(then.findValuesAsText("contactId")).contains(oldDana);

        // Delivered again (at least once), the merge records nothing more.
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.publish(oldDana, new ContactEvent.ContactsMerged(account, dana, oldDana, Instant.now()));
            contacts.added(account, "late-" + UUID.randomUUID(), "Marker");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> knownContacts.cards(account).size() == 5);
        assertThat(eventStore.readEvents(account).asStream().count()).isEqualTo(storedBeforeTheMerge + 6);
        assertThat(chainVerifier.verify(account, OptionalLong.empty()).intact()).isTrue();
    }

    private static JsonNode node(JsonNode nodes, String contactId) {
        return StreamSupport.stream(nodes.spliterator(), false)
                .filter(n -> n.path("contactId").asText().equals(contactId)).findFirst().orElseThrow();
    }

    private void awaitStanding(List<String> contacts, ContactStanding standing) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.stream()
                .allMatch(contact -> knownContacts.standing(account, contact) == standing));
    }

    private static String line(String contact, String manager) {
        return "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"SOLID\"}".formatted(contact, manager);
    }
}
