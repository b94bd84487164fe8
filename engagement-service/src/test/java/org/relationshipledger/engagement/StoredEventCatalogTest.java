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

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.StoredEventTypes;
import org.relationshipledger.core.eventstore.WireNameSerializer;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.interaction.Direction;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.survey.SurveyKind;
import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.TicketEvent;
import org.relationshipledger.engagement.upcasting.FreeTextUpcasters;

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
            "engagement.AccountOwnership.HandedOver@2",
            "engagement.Interaction.InteractionCorrected@2",
            "engagement.Interaction.InteractionLogged@2",
            "engagement.Interaction.InteractionRetracted@2",
            "engagement.Survey.SurveyAnswered@2",
            "engagement.Ticket.TicketEscalated@1",
            "engagement.Ticket.TicketOpened@2",
            "engagement.Ticket.TicketResolved@1",
            "engagement.Ticket.TicketSlaBreached@1");

    static final String HANDOVER_KEY = TextRecord.handoverKeyId("a-1", T);

    /** How revision 2 stores a text: base64 of an AEAD ciphertext (these bytes are a stand-in). */
    static SealedText sealed(String keyId) {
        return new SealedText(keyId, "AWbT9xkDq1cGm0Yp3Jt8fLr0Zc4sEw==", null);
    }

    static Stream<Object> samples() {
        return Stream.of(
                new InteractionEvent.InteractionLogged("i-1", "a-1", Channel.MEETING, Direction.OUTBOUND,
                        List.of("c-1"), List.of("tm-1"), 1, sealed("interaction:i-1"), LocalDate.parse("2026-10-15"),
                        "tm-1", T),
                new InteractionEvent.InteractionCorrected("i-1", "a-1", Channel.CALL, Direction.INBOUND, List.of(),
                        List.of("tm-1"), -1, sealed("interaction:i-1"), null, "tm-2", sealed("interaction:i-1"), T),
                new InteractionEvent.InteractionRetracted("i-1", "a-1", "tm-2", sealed("interaction:i-1"), T),
                new TicketEvent.TicketOpened("t-1", "a-1", Severity.HIGH, sealed("ticket:t-1"), "c-1", "tm-1",
                        T.plusSeconds(28_800), T),
                new TicketEvent.TicketEscalated("t-1", "a-1", Severity.HIGH, Severity.CRITICAL,
                        T.plusSeconds(14_400), "tm-1", T.plusSeconds(60)),
                new TicketEvent.TicketResolved("t-1", "a-1", "tm-1", T.plusSeconds(3_600)),
                new TicketEvent.TicketSlaBreached("t-1", "a-1", Severity.CRITICAL, T.plusSeconds(14_400),
                        T.plusSeconds(14_400)),
                new SurveyEvent.SurveyAnswered("s-1", "a-1", "c-1", SurveyKind.NPS, 9, sealed("survey:s-1"), "tm-1",
                        T),
                new OwnershipEvent.FirstOwnerAssigned("a-1", "alice", "lead", T),
                new OwnershipEvent.HandedOver("a-1", "alice", "bob", sealed(HANDOVER_KEY),
                        List.of(sealed(HANDOVER_KEY)), T));
    }

    /** The approved samples of revision 1, which stored free text in clear, and what they read as today. */
    static Stream<Arguments> clearTextRevisions() {
        return Stream.of(
                Arguments.of("engagement.Interaction.InteractionLogged", new InteractionEvent.InteractionLogged("i-1",
                        "a-1", Channel.MEETING, Direction.OUTBOUND, List.of("c-1"), List.of("tm-1"), 1,
                        SealedText.legacy("interaction:i-1", "Quarterly review"), LocalDate.parse("2026-10-15"),
                        "tm-1", T)),
                Arguments.of("engagement.Interaction.InteractionCorrected", new InteractionEvent.InteractionCorrected(
                        "i-1", "a-1", Channel.CALL, Direction.INBOUND, List.of(), List.of("tm-1"), -1,
                        SealedText.legacy("interaction:i-1", "It was a call"), null, "tm-2",
                        SealedText.legacy("interaction:i-1", "wrong channel"), T)),
                Arguments.of("engagement.Interaction.InteractionRetracted", new InteractionEvent.InteractionRetracted(
                        "i-1", "a-1", "tm-2", SealedText.legacy("interaction:i-1", "logged twice"), T)),
                Arguments.of("engagement.Ticket.TicketOpened", new TicketEvent.TicketOpened("t-1", "a-1",
                        Severity.HIGH, SealedText.legacy("ticket:t-1", "Export fails"), "c-1", "tm-1",
                        T.plusSeconds(28_800), T)),
                Arguments.of("engagement.Survey.SurveyAnswered", new SurveyEvent.SurveyAnswered("s-1", "a-1", "c-1",
                        SurveyKind.NPS, 9, SealedText.legacy("survey:s-1", "Great support"), "tm-1", T)),
                Arguments.of("engagement.AccountOwnership.HandedOver", new OwnershipEvent.HandedOver("a-1", "alice",
                        "bob", SealedText.legacy(HANDOVER_KEY, "Renewal in March"),
                        List.of(SealedText.legacy(HANDOVER_KEY, "Send pricing")), T)));
    }

    /** Events stored before text was sealed still load: the upcasters lift their clear text as it is. */
    @ParameterizedTest
    @MethodSource("clearTextRevisions")
    void anEventStoredInClearUnderRevisionOneStillLoads(String wireName, Object expected) throws IOException {
        String stored = Files.readString(SAMPLES.resolve(wireName + "@1.json"));
        Serializer serializer = new WireNameSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.mapper())
                .revisionResolver(WireNameSerializer.revisionResolver()).build(),
                StoredEventTypes.in(EngagementApplication.class.getPackageName()));
        EventUpcasterChain upcasters = new EventUpcasterChain(
                new FreeTextUpcasters.InteractionLogged1To2Upcaster(),
                new FreeTextUpcasters.InteractionCorrected1To2Upcaster(),
                new FreeTextUpcasters.InteractionRetracted1To2Upcaster(),
                new FreeTextUpcasters.TicketOpened1To2Upcaster(), new FreeTextUpcasters.SurveyAnswered1To2Upcaster(),
                new FreeTextUpcasters.HandedOver1To2Upcaster());
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Stream", "stream-1", 0, "event-1",
                T.toString(), wireName, "1", stored, "{}");

        DomainEventStream loaded = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                upcasters);

        assertThat(loaded.next().getPayload()).isEqualTo(expected);
        assertThat(loaded.hasNext()).isFalse();
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
