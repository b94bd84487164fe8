package org.relationshipledger.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/** A client that retries (or a user who clicks twice) re-states the map: every request succeeds, nothing is added. */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepeatedCommandsIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    KnownContacts knownContacts;

    final String account = UUID.randomUUID().toString();
    final String ceo = "ceo-" + UUID.randomUUID();
    final String vp = "vp-" + UUID.randomUUID();

    @Test
    void everyCommandSentTwiceRecordsOnceAndAnswersSuccessBothTimes() {
        MappingHttp http = new MappingHttp(rest);
        String base = "/accounts/" + account;
        try (ContactFeed contacts = new ContactFeed()) {
            contacts.added(account, ceo, "CEO");
            contacts.added(account, vp, "VP");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(ceo, vp).stream()
                .allMatch(contact -> knownContacts.standing(account, contact) == ContactStanding.ACTIVE));
        String coalition = "{\"name\":\"Sponsors\",\"alignment\":\"ALIGNED\",\"memberIds\":[\"%s\",\"%s\"]}"
                .formatted(ceo, vp);
        String interest = "{\"contactId\":\"%s\",\"kind\":\"NEED\",\"horizon\":\"LONG_TERM\",\"text\":\"one platform\"}"
                .formatted(ceo);
        List<String[]> requests = List.of(
                new String[] {"PUT", "/reporting-lines", "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"SOLID\"}"
                        .formatted(vp, ceo)},
                new String[] {"PUT", "/relationships", ("{\"fromContactId\":\"%s\",\"toContactId\":\"%s\","
                        + "\"type\":\"DEFERS_TO\",\"strength\":4,\"reason\":\"EXPERTISE\",\"evidenceNote\":\"QBR\"}")
                        .formatted(ceo, vp)},
                new String[] {"PUT", "/roles/" + ceo, "{\"role\":\"DECISION_MAKER\",\"stance\":\"NEUTRAL\"}"},
                new String[] {"PUT", "/affinities", "{\"contactId\":\"%s\",\"teamMemberId\":\"alice\",\"score\":4,\"note\":\"golf\"}"
                        .formatted(vp)},
                new String[] {"POST", "/interests", interest},
                new String[] {"POST", "/coalitions", coalition});

        List<JsonNode> first = requests.stream()
                .map(r -> http.ok(HttpMethod.valueOf(r[0]), base + r[1], r[2])).toList();
        String coalitionId = first.get(5).path("coalitionId").asText();
        http.ok(HttpMethod.PUT, base + "/coalitions/" + coalitionId, coalition);
        long stored = storedEvents.collection().countDocuments();

        List<JsonNode> again = requests.stream()
                .map(r -> http.ok(HttpMethod.valueOf(r[0]), base + r[1], r[2])).toList();
        http.ok(HttpMethod.PUT, base + "/coalitions/" + coalitionId, coalition.replace(ceo + "\",\"" + vp, vp + "\",\"" + ceo));

        assertThat(storedEvents.collection().countDocuments()).isEqualTo(stored);
        assertThat(again.get(4).path("interestId").asText()).isEqualTo(first.get(4).path("interestId").asText());
        assertThat(again.get(5).path("coalitionId").asText()).isEqualTo(coalitionId);
        assertThat(storedEvents.find(account, 5)).isPresent();
        assertThat(storedEvents.find(account, 6)).isEmpty();
    }
}
