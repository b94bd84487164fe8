package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.ChainVerifier;
import org.relationshipledger.engagement.LiveEngagement;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

class HandoverPackageIT extends LiveEngagement {

    @Autowired
    ChainVerifier chainVerifier;

    @Test
    void theThirdOwnersPackageHoldsTheFirstOwnersNotesAffinitiesAndInteractions() {
        String account = openAccount();
        String cfo = addContact(account, "CFO");
        String ops = addContact(account, "Head of Operations");
        publish(Topics.MAPPING, "map-" + account, new MappingEvent.BuyingRoleAssigned(account, cfo,
                MappingEvent.BuyingRole.DECISION_MAKER, MappingEvent.Stance.ALLY, Instant.now()));
        String alice = "alice-" + newId();
        String bob = "bob-" + newId();
        String carol = "carol-" + newId();

        assertThat(post("/accounts/" + account + "/owner", Map.of("ownerId", alice, "assignedBy", "lead"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Instant lastSpring = Instant.now().minus(Duration.ofDays(200));
        String alicesMeeting = logInteraction(account, lastSpring, "MEETING", "Budget talk with the CFO", alice, cfo);
        post("/accounts/" + account + "/interactions", Map.of("channel", "CALL", "direction", "INBOUND",
                "occurredAt", Instant.now().minus(Duration.ofDays(3)).toString(), "contactIds", List.of(ops),
                "sentiment", -1, "summary", "Outage complaint", "followUpOn", "2026-12-15", "recordedBy", alice));
        rateAffinity(account, cfo, alice, 5, "Known for years");
        rateAffinity(account, ops, alice, 3, null);
        assertThat(post("/accounts/" + account + "/surveys", Map.of("contactId", cfo, "kind", "NPS", "score", 9,
                "recordedBy", alice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/accounts/" + account + "/surveys", Map.of("contactId", ops, "kind", "CSAT", "score", 2,
                "recordedBy", alice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/accounts/" + account + "/tickets", Map.of("severity", "HIGH", "subject", "Export fails",
                "contactId", ops, "openedBy", alice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", alice, "toOwnerId", bob,
                "note", "CFO decides alone; renewal in March", "openItems", List.of("Send revised pricing",
                        "Fix export ticket"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String bobsCall = logInteraction(account, Instant.now().minus(Duration.ofDays(1)), "CALL", "Intro call",
                bob, cfo);
        rateAffinity(account, cfo, bob, 1, "Just met");
        assertThat(post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", bob, "toOwnerId", carol,
                "note", "Moving teams", "openItems", List.of())).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode handover = get("/accounts/" + account + "/handover-package");

        assertThat(handover.get("currentOwnerId").asText()).isEqualTo(carol);
        assertThat(handover.get("ownership").findValuesAsText("ownerId")).containsExactly(alice, bob, carol);
        assertThat(handover.get("handovers")).hasSize(2);
        JsonNode first = handover.get("handovers").get(0);
        assertThat(first.get("fromOwnerId").asText()).isEqualTo(alice);
        assertThat(first.get("note").asText()).isEqualTo("CFO decides alone; renewal in March");
        assertThat(texts(first.get("openItems"))).containsExactly("Send revised pricing", "Fix export ticket");

        JsonNode keyCfo = contact(handover, cfo);
        assertThat(keyCfo.get("buyingRole").asText()).isEqualTo("DECISION_MAKER");
        assertThat(keyCfo.get("title").asText()).isEqualTo("CFO");
        JsonNode alicesRating = StreamSupport.stream(keyCfo.get("affinities").spliterator(), false)
                .filter(a -> a.get("teamMemberId").asText().equals(alice)).findFirst().orElseThrow();
        assertThat(alicesRating.get("score").asInt()).isEqualTo(5);
        assertThat(alicesRating.get("note").asText()).isEqualTo("Known for years");
        assertThat(alicesRating.get("byPreviousOwner").asBoolean()).isTrue();
        assertThat(keyCfo.get("affinities").findValuesAsText("teamMemberId")).containsExactly(alice, bob);
        assertThat(keyCfo.get("lastInteractions").findValuesAsText("interactionId"))
                .containsExactly(bobsCall, alicesMeeting);
        assertThat(keyCfo.get("lastInteractions").get(1).get("recordedBy").asText()).isEqualTo(alice);
        assertThat(contact(handover, ops).get("affinities").get(0).get("score").asInt()).isEqualTo(3);

        assertThat(handover.get("openTickets").findValuesAsText("subject")).containsExactly("Export fails");
        assertThat(handover.get("openFollowUps").findValuesAsText("summary")).containsExactly("Outage complaint");
        assertThat(handover.get("latestNps").get("score").asInt()).isEqualTo(9);
        assertThat(handover.get("latestCsat").get("score").asInt()).isEqualTo(2);

        assertThat(get("/accounts/" + account + "/owners").get("periods").findValuesAsText("ownerId"))
                .containsExactly(alice, bob, carol);
        JsonNode alicesAccounts = get("/team-members/" + alice + "/accounts");
        assertThat(alicesAccounts.findValuesAsText("accountId")).containsExactly(account);
        assertThat(alicesAccounts.get(0).get("current").asBoolean()).isFalse();
        assertThat(get("/team-members/" + carol + "/accounts").get(0).get("current").asBoolean()).isTrue();

        assertThat(storedEvents.stream(account)).hasSize(3);
        assertThat(chainVerifier.verify(account, OptionalLong.empty()).intact()).isTrue();
    }

    @Test
    void publishesOwnershipAndHandoversForOtherServices() {
        String account = openAccount();
        post("/accounts/" + account + "/owner", Map.of("ownerId", "dana", "assignedBy", "lead"));
        post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", "dana", "toOwnerId", "erin",
                "note", "Quiet account", "openItems", List.of("Book QBR")));

        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            List<EngagementEvent> published = kafka.readUntil(records -> records.stream()
                            .filter(r -> account.equals(r.key())).count() >= 2, Duration.ofSeconds(30),
                            Topics.ENGAGEMENT).stream().filter(r -> account.equals(r.key()))
                    .map(r -> (EngagementEvent) LedgerJson.read(EnvelopeCodec.fromRecord(r))).toList();

            // The note and open items are free text: they stay in engagement (ADR 0034).
            assertThat(published).containsExactly(
                    new EngagementEvent.AccountOwnerAssigned(account, "dana", published.get(0).validFrom()),
                    new EngagementEvent.HandoverDone(account, "dana", "erin", "", List.of(),
                            published.get(1).validFrom()));
        }
    }

    private static JsonNode contact(JsonNode handover, String contactId) {
        return StreamSupport.stream(handover.get("keyContacts").spliterator(), false)
                .filter(k -> k.get("contactId").asText().equals(contactId)).findFirst()
                .orElseThrow(() -> new AssertionError("no key contact " + contactId + " in " + handover));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
