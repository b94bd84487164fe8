package org.relationshipledger.engagement.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.eventstore.StoredEventTypes;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.engagement.EngagementApplication;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.interaction.Direction;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.survey.SurveyKind;
import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.TicketEvent;

/**
 * Auditors check each stream's hash chain on the topic (ADR 0044): a stored event that the translator turns into
 * nothing is a sequence gap there. So every event type engagement can store has a sample here, and each must reach
 * the engagement topic. The translator's {@code default -> null} would otherwise hide a new event family silently.
 */
class TranslatorTotalityTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final Instant AT = Instant.parse("2026-10-01T10:15:30Z");
    private static final Instant DUE = AT.plusSeconds(28_800);

    private final EngagementTranslator translator = new EngagementTranslator();

    static Stream<Object> everyStoredEvent() {
        return everyStoredEvent(new SealedText("k", "c2VhbGVk", null));
    }

    /** Every stored event type, each text field set to {@code text}. */
    static Stream<Object> everyStoredEvent(SealedText text) {
        return Stream.of(
                new InteractionEvent.InteractionLogged("i-1", ACCOUNT, Channel.MEETING, Direction.OUTBOUND,
                        List.of("c-1"), List.of("tm-1"), 1, text, LocalDate.parse("2026-10-15"), "tm-1",
                        AT),
                new InteractionEvent.InteractionCorrected("i-1", ACCOUNT, Channel.CALL, Direction.INBOUND, List.of(),
                        List.of("tm-1"), -1, text, null, "tm-2", text, AT),
                new InteractionEvent.InteractionRetracted("i-1", ACCOUNT, "tm-2", text, AT),
                new TicketEvent.TicketOpened("t-1", ACCOUNT, Severity.HIGH, text, "c-1", "tm-1", DUE, AT),
                new TicketEvent.TicketEscalated("t-1", ACCOUNT, Severity.HIGH, Severity.CRITICAL, DUE, "tm-1", AT),
                new TicketEvent.TicketResolved("t-1", ACCOUNT, "tm-1", AT),
                new TicketEvent.TicketSlaBreached("t-1", ACCOUNT, Severity.CRITICAL, DUE, DUE),
                new SurveyEvent.SurveyAnswered("s-1", ACCOUNT, "c-1", SurveyKind.NPS, 9, text, "tm-1", AT),
                new OwnershipEvent.FirstOwnerAssigned(ACCOUNT, "alice", "lead", AT),
                new OwnershipEvent.HandedOver(ACCOUNT, "alice", "bob", text, List.of(text), AT));
    }

    @Test
    void hasASampleOfEveryEventTypeEngagementStores() {
        assertThat(everyStoredEvent().map(Object::getClass).toList())
                .as("one sample per stored event type: add a sample for a new event and publish it")
                .containsExactlyInAnyOrderElementsOf(storedEventTypes());
    }

    @ParameterizedTest
    @MethodSource("everyStoredEvent")
    void publishesEveryStoredEventOnTheEngagementTopic(Object event) {
        List<Outbound> records = translator.translate(new GenericDomainEventMessage<>("Stream", "stream-1", 0, event));

        assertThat(records).as(event.getClass().getSimpleName())
                .filteredOn(record -> record.topic().equals(Topics.ENGAGEMENT))
                .isNotEmpty()
                .allSatisfy(record -> {
                    assertThat(record.key()).isEqualTo(ACCOUNT);
                    assertThat(record.payload()).isInstanceOf(EngagementEvent.class);
                    assertThat(record.type()).isEqualTo(EventCatalog.wireName(record.payload().getClass()));
                });
    }

    /** What the serializer lets engagement store: every {@code @EventType} class in its packages, whatever family. */
    static List<Class<?>> storedEventTypes() {
        return StoredEventTypes.in(EngagementApplication.class.getPackageName());
    }
}
