package org.relationshipledger.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.interaction.Direction;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.survey.SurveyKind;
import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.TicketEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Invariant 10 for what engagement stores: every stored event's wire name and revision is approved here, and one
 * JSON sample per event is approved under {@code src/test/resources/stored-events/}, so a rename or a changed
 * field shape fails the build instead of orphaning history already in the store.
 */
class StoredEventCatalogTest {

    static final Path SAMPLES = Path.of("src/test/resources/stored-events");
    static final ObjectMapper JSON = LedgerJson.mapper();
    static final Instant T = Instant.parse("2026-10-01T10:15:30Z");

    static final List<String> APPROVED = List.of(
            "engagement.AccountOwnership.FirstOwnerAssigned@1",
            "engagement.AccountOwnership.HandedOver@1",
            "engagement.Interaction.InteractionCorrected@1",
            "engagement.Interaction.InteractionLogged@1",
            "engagement.Interaction.InteractionRetracted@1",
            "engagement.Survey.SurveyAnswered@1",
            "engagement.Ticket.TicketEscalated@1",
            "engagement.Ticket.TicketOpened@1",
            "engagement.Ticket.TicketResolved@1",
            "engagement.Ticket.TicketSlaBreached@1");

    static Stream<Object> samples() {
        return Stream.of(
                new InteractionEvent.InteractionLogged("i-1", "a-1", Channel.MEETING, Direction.OUTBOUND,
                        List.of("c-1"), List.of("tm-1"), 1, "Quarterly review", LocalDate.parse("2026-10-15"), "tm-1",
                        T),
                new InteractionEvent.InteractionCorrected("i-1", "a-1", Channel.CALL, Direction.INBOUND, List.of(),
                        List.of("tm-1"), -1, "It was a call", null, "tm-2", "wrong channel", T),
                new InteractionEvent.InteractionRetracted("i-1", "a-1", "tm-2", "logged twice", T),
                new TicketEvent.TicketOpened("t-1", "a-1", Severity.HIGH, "Export fails", "c-1", "tm-1",
                        T.plusSeconds(28_800), T),
                new TicketEvent.TicketEscalated("t-1", "a-1", Severity.HIGH, Severity.CRITICAL,
                        T.plusSeconds(14_400), "tm-1", T.plusSeconds(60)),
                new TicketEvent.TicketResolved("t-1", "a-1", "tm-1", T.plusSeconds(3_600)),
                new TicketEvent.TicketSlaBreached("t-1", "a-1", Severity.CRITICAL, T.plusSeconds(14_400),
                        T.plusSeconds(14_400)),
                new SurveyEvent.SurveyAnswered("s-1", "a-1", "c-1", SurveyKind.NPS, 9, "Great support", "tm-1", T),
                new OwnershipEvent.FirstOwnerAssigned("a-1", "alice", "lead", T),
                new OwnershipEvent.HandedOver("a-1", "alice", "bob", "Renewal in March", List.of("Send pricing"), T));
    }

    @Test
    void everyStoredEventHasAnApprovedWireNameAndRevision() {
        List<String> declared = Stream.of(InteractionEvent.class, TicketEvent.class, SurveyEvent.class,
                        OwnershipEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .map(StoredEventCatalogTest::wireName).sorted().toList();

        assertThat(declared).containsExactlyElementsOf(APPROVED);
        assertThat(samples().map(sample -> wireName(sample.getClass())).sorted().toList())
                .containsExactlyElementsOf(APPROVED);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachEventMatchesItsApprovedJsonSampleBothWays(Object sample) throws IOException {
        Path approved = SAMPLES.resolve(wireName(sample.getClass()) + ".json");
        if (!Files.exists(approved)) {
            Files.write(approved, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sample));
            fail("No approved sample yet; wrote " + approved + " — review it and run again");
        }
        byte[] stored = Files.readAllBytes(approved);

        assertThat(JSON.readTree(LedgerJson.write(sample))).isEqualTo(JSON.readTree(stored));
        assertThat(JSON.readValue(stored, sample.getClass())).isEqualTo(sample);
    }

    private static String wireName(Class<?> type) {
        EventType eventType = type.getAnnotation(EventType.class);
        assertThat(eventType).as(type + " has no @EventType").isNotNull();
        return eventType.name() + "@" + eventType.revision();
    }
}
