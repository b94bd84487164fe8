package org.relationshipledger.engagement.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.interaction.Direction;
import org.relationshipledger.engagement.interaction.InteractionEvent;
import org.relationshipledger.engagement.ownership.OwnershipEvent;
import org.relationshipledger.engagement.survey.SurveyEvent;
import org.relationshipledger.engagement.survey.SurveyKind;
import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.TicketEvent;

class EngagementTranslatorTest {

    static final Instant T = Instant.parse("2026-10-01T10:00:00Z");
    static final Instant DUE = Instant.parse("2026-10-01T14:00:00Z");

    final EngagementTranslator translator = new EngagementTranslator();

    @Test
    void publishesAnInteractionWithoutItsSummaryOrWhoLoggedIt() {
        assertThat(translate(new InteractionEvent.InteractionLogged("i", "a", Channel.BUSINESS_REVIEW,
                Direction.INBOUND, List.of("c"), List.of("tm"), -2, text("CFO said she hates us"),
                LocalDate.parse("2026-10-08"), "tm", T)))
                .isEqualTo(new EngagementEvent.InteractionLogged("a", "i", EngagementEvent.Channel.BUSINESS_REVIEW,
                        EngagementEvent.Direction.INBOUND, List.of("c"), List.of("tm"), -2,
                        LocalDate.parse("2026-10-08"), T));
    }

    @Test
    void republishesACorrectedInteractionUnderItsOwnId() {
        assertThat(translate(new InteractionEvent.InteractionCorrected("i", "a", Channel.CALL, Direction.OUTBOUND,
                List.of(), List.of(), 1, text("fixed"), null, "tm", text("typo"), T)))
                .isEqualTo(new EngagementEvent.InteractionLogged("a", "i", EngagementEvent.Channel.CALL,
                        EngagementEvent.Direction.OUTBOUND, List.of(), List.of(), 1, null, T));
    }

    @Test
    void publishesRetractionsTicketsSurveysAndOwnership() {
        assertThat(translate(new InteractionEvent.InteractionRetracted("i", "a", "tm", text("dup"), T)))
                .isEqualTo(new EngagementEvent.InteractionRetracted("a", "i", T));
        assertThat(translate(new TicketEvent.TicketOpened("t", "a", Severity.CRITICAL, text("subject"), "c", "tm", DUE,
                T)))
                .isEqualTo(new EngagementEvent.TicketOpened("a", "t", EngagementEvent.Severity.CRITICAL, "c", DUE, T));
        assertThat(translate(new TicketEvent.TicketEscalated("t", "a", Severity.LOW, Severity.HIGH, DUE, "tm", T)))
                .isEqualTo(new EngagementEvent.TicketEscalated("a", "t", EngagementEvent.Severity.HIGH, DUE, T));
        assertThat(translate(new TicketEvent.TicketResolved("t", "a", "tm", T)))
                .isEqualTo(new EngagementEvent.TicketResolved("a", "t", T));
        assertThat(translate(new TicketEvent.TicketSlaBreached("t", "a", Severity.HIGH, DUE, DUE)))
                .isEqualTo(new EngagementEvent.TicketSlaBreached("a", "t", DUE, DUE));
        assertThat(translate(new SurveyEvent.SurveyAnswered("s", "a", "c", SurveyKind.CSAT, 4, text("ok"), "tm", T)))
                .isEqualTo(new EngagementEvent.SurveyAnswered("a", "s", "c", EngagementEvent.SurveyKind.CSAT, 4, T));
        assertThat(translate(new OwnershipEvent.FirstOwnerAssigned("a", "alice", "lead", T)))
                .isEqualTo(new EngagementEvent.AccountOwnerAssigned("a", "alice", T));
        assertThat(translate(new OwnershipEvent.HandedOver("a", "alice", "bob", text("note"), List.of(text("x")), T)))
                .isEqualTo(new EngagementEvent.HandoverDone("a", "alice", "bob", "", List.of(), T));
    }

    /** Even text an old event stored in clear (upcast, so readable without a key) never reaches the topic. */
    @Test
    void publishesNoFreeTextOfAnyStoredEvent() {
        String secret = "Anna Berg said in confidence";
        TranslatorTotalityTest.everyStoredEvent(SealedText.legacy("k", secret))
                .flatMap(event -> translator.translate(new GenericDomainEventMessage<>("Test", "s", 0, event)).stream())
                .forEach(record -> assertThat(new String(LedgerJson.write(record.payload()), StandardCharsets.UTF_8))
                        .as(record.type()).doesNotContain(secret));
    }

    private static SealedText text(String clear) {
        return SealedText.legacy("k", clear);
    }

    @Test
    void everyDomainEnumValueHasAPublishedCounterpart() {
        for (Channel channel : Channel.values()) {
            EngagementEvent.Channel.valueOf(channel.name());
        }
        for (Direction direction : Direction.values()) {
            EngagementEvent.Direction.valueOf(direction.name());
        }
        for (Severity severity : Severity.values()) {
            EngagementEvent.Severity.valueOf(severity.name());
        }
        for (SurveyKind kind : SurveyKind.values()) {
            assertThat(EngagementEvent.SurveyKind.valueOf(kind.name()).maxScore()).isEqualTo(kind.maxScore());
            assertThat(EngagementEvent.SurveyKind.valueOf(kind.name()).minScore()).isEqualTo(kind.minScore());
        }
    }

    private EngagementEvent translate(Object event) {
        List<Outbound> outbound = translator.translate(new GenericDomainEventMessage<>("Test", "stream", 0, event));
        assertThat(outbound).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.ENGAGEMENT);
            assertThat(record.key()).isEqualTo("a");
        });
        return (EngagementEvent) outbound.getFirst().payload();
    }
}
