package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EngagementEvent;
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

class TimelineIT extends LiveEngagement {

    @Autowired
    ChainVerifier chainVerifier;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void listsEveryEventInTheOrderItHappenedNotTheOrderItWasLogged() {
        String account = openAccount();
        String contact = addContact(account, "CTO");
        String recent = logInteraction(account, NOW.minus(Duration.ofDays(1)), "CALL", "Recent call", "tm-1", contact);
        String old = logInteraction(account, NOW.minus(Duration.ofDays(90)), "MEETING", "Kick-off", "tm-2", contact);
        String middle = logInteraction(account, NOW.minus(Duration.ofDays(30)), "EMAIL", "Proposal", "tm-1");

        JsonNode page = get("/accounts/" + account + "/timeline");

        assertThat(page.get("entries").findValuesAsText("subjectId")).containsExactly(old, middle, recent);
        JsonNode first = page.get("entries").get(0);
        assertThat(first.get("recordedBy").asText()).isEqualTo("tm-2");
        assertThat(Instant.parse(first.get("recordedAt").asText())).isAfter(NOW.minus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(first.get("occurredAt").asText())).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesWithACursorFiltersByChannelAndWindow() {
        String account = openAccount();
        List<String> logged = new ArrayList<>();
        for (int day = 10; day >= 1; day--) {
            logged.add(logInteraction(account, NOW.minus(Duration.ofDays(day)), day % 2 == 0 ? "CALL" : "EMAIL",
                    "Touchpoint " + day, "tm-1"));
        }

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/accounts/" + account + "/timeline?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.get("entries").findValuesAsText("subjectId"));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(paged).containsExactlyElementsOf(logged);
        assertThat(pages).isEqualTo(4);
        assertThat(get("/accounts/" + account + "/timeline?channel=CALL").get("entries").findValuesAsText("channel"))
                .hasSize(5).containsOnly("CALL");
        assertThat(get("/accounts/" + account + "/timeline?from=" + NOW.minus(Duration.ofDays(5)) + "&to="
                + NOW.minus(Duration.ofDays(2))).get("entries").findValuesAsText("text"))
                .containsExactly("Touchpoint 5", "Touchpoint 4", "Touchpoint 3");
    }

    @Test
    void aCorrectionAndARetractionAreNewEntriesAndTheOriginalStays() {
        String account = openAccount();
        String contact = addContact(account, "CTO");
        String interaction = logInteraction(account, NOW.minus(Duration.ofDays(7)), "CALL", "Wrong notes", "tm-1",
                contact);

        assertThat(post("/interactions/" + interaction + "/corrections", Map.of("channel", "MEETING",
                "direction", "INBOUND", "occurredAt", NOW.minus(Duration.ofDays(6)).toString(), "contactIds",
                List.of(contact), "sentiment", -2, "summary", "Angry about pricing", "recordedBy", "tm-3",
                "reason", "mixed up two calls")).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode corrected = get("/accounts/" + account + "/interactions").get(0);
        assertThat(corrected.get("summary").asText()).isEqualTo("Angry about pricing");
        assertThat(corrected.get("sentiment").asInt()).isEqualTo(-2);
        assertThat(corrected.get("corrections").asInt()).isEqualTo(1);
        assertThat(corrected.get("recordedBy").asText()).isEqualTo("tm-1");

        assertThat(post("/interactions/" + interaction + "/retraction", Map.of("retractedBy", "tm-3",
                "reason", "was a test")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/accounts/" + account + "/interactions").get(0).get("retracted").asBoolean()).isTrue();

        JsonNode timeline = get("/accounts/" + account + "/timeline");
        assertThat(timeline.get("entries").findValuesAsText("kind")).containsExactlyInAnyOrder(
                "INTERACTION_LOGGED", "INTERACTION_CORRECTED", "INTERACTION_RETRACTED");
        assertThat(storedEvents.stream(interaction)).hasSize(3);
        assertThat(chainVerifier.verify(interaction, OptionalLong.empty()).intact()).isTrue();
        assertThat(get("/interactions/" + interaction).get("retracted").asBoolean()).isTrue();
        assertThat(get("/accounts/" + account + "/handover-package").get("keyContacts")).isEmpty();

        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            List<EngagementEvent> published = kafka.readUntil(records -> records.stream()
                            .filter(r -> account.equals(r.key())).count() >= 3, Duration.ofSeconds(30),
                            Topics.ENGAGEMENT).stream().filter(r -> account.equals(r.key()))
                    .map(r -> (EngagementEvent) LedgerJson.read(EnvelopeCodec.fromRecord(r))).toList();
            assertThat(published).hasSize(3);
            assertThat(published.get(1)).isInstanceOfSatisfying(EngagementEvent.InteractionLogged.class, logged -> {
                assertThat(logged.interactionId()).isEqualTo(interaction);
                assertThat(logged.sentiment()).isEqualTo(-2);
                assertThat(logged.channel()).isEqualTo(EngagementEvent.Channel.MEETING);
            });
            assertThat(published.get(2)).isEqualTo(new EngagementEvent.InteractionRetracted(account, interaction,
                    NOW.minus(Duration.ofDays(6))));
        }
    }
}
