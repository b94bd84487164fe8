package org.relationshipledger.engagement.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.engagement.InMemoryTextVault.sealed;
import static org.relationshipledger.engagement.Violations.violation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.InMemoryRoster;
import org.relationshipledger.engagement.InMemoryTextVault;
import org.relationshipledger.engagement.interaction.InteractionCommand.CorrectInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.LogInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.RetractInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.Touchpoint;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionCorrected;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionLogged;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionRetracted;

class InteractionTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant LAST_MONTH = NOW.minus(Duration.ofDays(30));
    static final String ACCOUNT = "acme";
    static final String ID = "i-1";

    static final String KEY = "interaction:" + ID;

    FixtureConfiguration<Interaction> fixture;
    InMemoryRoster roster;
    InMemoryTextVault vault;

    @BeforeEach
    void setUp() {
        roster = new InMemoryRoster().account(ACCOUNT).contact(ACCOUNT, "c-ann").contact("other", "c-bob")
                .departed(ACCOUNT, "c-old", NOW.minus(Duration.ofDays(10))).erased(ACCOUNT, "c-gone");
        fixture = new AggregateTestFixture<>(Interaction.class);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        vault = new InMemoryTextVault();
        fixture.registerInjectableResource(vault);
    }

    static Touchpoint touchpoint(Instant occurredAt, List<String> contacts, int sentiment, String summary) {
        return new Touchpoint(Channel.MEETING, Direction.OUTBOUND, occurredAt, contacts, List.of("tm-1"), sentiment,
                summary, LocalDate.parse("2026-12-01"));
    }

    static InteractionLogged logged(Instant occurredAt) {
        return new InteractionLogged(ID, ACCOUNT, Channel.MEETING, Direction.OUTBOUND, List.of("c-ann"),
                List.of("tm-1"), 1, sealed(KEY, "Quarterly review"), LocalDate.parse("2026-12-01"), "tm-1", occurredAt);
    }

    @Nested
    class LogInteractionCommand {

        @Test
        void logsATouchpointBackFilledToWhenItHappened() {
            fixture.givenNoPriorActivity()
                    .when(new LogInteraction(ID, ACCOUNT,
                            touchpoint(LAST_MONTH, List.of("c-ann"), 1, "  Quarterly review "), "tm-1"))
                    .expectEvents(logged(LAST_MONTH));
        }

        @Test
        void acceptsADepartedContactInHistoryDatedBeforeTheyLeft() {
            fixture.givenNoPriorActivity()
                    .when(new LogInteraction(ID, ACCOUNT, touchpoint(LAST_MONTH, List.of("c-old"), 0, "Intro"),
                            "tm-1"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsADepartedContactAfterTheyLeft() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of("c-old"), 0, "Hi"), "tm-1"),
                    RuleViolation.Kind.UNPROCESSABLE, "contactIds");
        }

        @Test
        void rejectsAnErasedContact() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of("c-gone"), 0, "Hi"), "tm-1"),
                    RuleViolation.Kind.CONFLICT, "contactIds");
        }

        @Test
        void rejectsAContactOfAnotherAccount() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of("c-bob"), 0, "Hi"), "tm-1"),
                    RuleViolation.Kind.NOT_FOUND, "contactIds");
        }

        @Test
        void rejectsAnUnknownAccount() {
            expectViolation(new LogInteraction(ID, "nobody", touchpoint(NOW, List.of(), 0, "Hi"), "tm-1"),
                    RuleViolation.Kind.NOT_FOUND, "accountId");
        }

        @Test
        void rejectsAnInteractionInTheFuture() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW.plus(Duration.ofHours(1)), List.of(), 0,
                    "Hi"), "tm-1"), RuleViolation.Kind.INVALID, "occurredAt");
        }

        @Test
        void rejectsSentimentOutsideMinusTwoToPlusTwo() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of(), 3, "Hi"), "tm-1"),
                    RuleViolation.Kind.INVALID, "sentiment");
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of(), -3, "Hi"), "tm-1"),
                    RuleViolation.Kind.INVALID, "sentiment");
        }

        @Test
        void rejectsAnEmptySummary() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of(), 0, "   "), "tm-1"),
                    RuleViolation.Kind.INVALID, "summary");
        }

        @Test
        void rejectsAnOversizedSummary() {
            expectViolation(new LogInteraction(ID, ACCOUNT,
                    touchpoint(NOW, List.of(), 0, "x".repeat(Interaction.MAX_SUMMARY + 1)), "tm-1"),
                    RuleViolation.Kind.INVALID, "summary");
        }

        @Test
        void rejectsAnInteractionNobodyRecorded() {
            expectViolation(new LogInteraction(ID, ACCOUNT, touchpoint(NOW, List.of(), 0, "Hi"), " "),
                    RuleViolation.Kind.INVALID, "recordedBy");
        }
    }

    @Nested
    class CorrectInteractionCommand {

        @Test
        void correctsWithANewEventAndKeepsTheOriginal() {
            Instant corrected = LAST_MONTH.minus(Duration.ofDays(1));
            fixture.given(logged(LAST_MONTH))
                    .when(new CorrectInteraction(ID, touchpoint(corrected, List.of("c-ann"), -1, "It went badly"),
                            "tm-2", "wrong day"))
                    .expectEvents(new InteractionCorrected(ID, ACCOUNT, Channel.MEETING, Direction.OUTBOUND,
                            List.of("c-ann"), List.of("tm-1"), -1, sealed(KEY, "It went badly"),
                            LocalDate.parse("2026-12-01"), "tm-2", sealed(KEY, "wrong day"), corrected));
        }

        @Test
        void appliesTheSameRulesAsLogging() {
            fixture.given(logged(LAST_MONTH))
                    .when(new CorrectInteraction(ID, touchpoint(LAST_MONTH, List.of(), 5, "x"), "tm-2", null))
                    .expectException(violation(RuleViolation.Kind.INVALID, "sentiment")).expectNoEvents();
        }

        @Test
        void sealsTheCorrectionUnderTheInteractionsKeyAndNotesItsNewParticipants() {
            fixture.given(logged(LAST_MONTH))
                    .when(new CorrectInteraction(ID, touchpoint(LAST_MONTH, List.of("c-old"), 0, "Met Ann's deputy"),
                            "tm-2", null))
                    .expectSuccessfulHandlerExecution();
            assertThat(vault.contactsInvolvedIn(KEY)).containsExactly("c-old");
        }

        @Test
        void refusesNewTextForAnInteractionWhoseTextWasErased() {
            vault.destroyed(KEY);
            fixture.given(logged(LAST_MONTH))
                    .when(new CorrectInteraction(ID, touchpoint(LAST_MONTH, List.of("c-ann"), 0, "x"), "tm-2", null))
                    .expectException(violation(RuleViolation.Kind.CONFLICT, "interactionId")).expectNoEvents();
        }

        @Test
        void refusesToCorrectARetractedInteraction() {
            fixture.given(logged(LAST_MONTH), new InteractionRetracted(ID, ACCOUNT, "tm-1", sealed(KEY, "duplicate"),
                            LAST_MONTH))
                    .when(new CorrectInteraction(ID, touchpoint(LAST_MONTH, List.of(), 0, "x"), "tm-2", null))
                    .expectException(violation(RuleViolation.Kind.CONFLICT, "interactionId")).expectNoEvents();
        }
    }

    @Nested
    class RetractInteractionCommand {

        @Test
        void retractsAsOfTheInteractionsOwnDate() {
            fixture.given(logged(LAST_MONTH))
                    .when(new RetractInteraction(ID, "tm-1", "logged twice"))
                    .expectEvents(new InteractionRetracted(ID, ACCOUNT, "tm-1", sealed(KEY, "logged twice"),
                            LAST_MONTH));
        }

        @Test
        void retractsAnInteractionWhoseTextWasErasedWhenNoReasonIsGiven() {
            vault.destroyed(KEY);
            fixture.given(logged(LAST_MONTH))
                    .when(new RetractInteraction(ID, "tm-1", null))
                    .expectEvents(new InteractionRetracted(ID, ACCOUNT, "tm-1", null, LAST_MONTH));
        }

        @Test
        void retractsOnlyOnce() {
            fixture.given(logged(LAST_MONTH), new InteractionRetracted(ID, ACCOUNT, "tm-1", sealed(KEY, "dup"), LAST_MONTH))
                    .when(new RetractInteraction(ID, "tm-1", "again"))
                    .expectException(violation(RuleViolation.Kind.CONFLICT, "interactionId")).expectNoEvents();
        }
    }

    private void expectViolation(Object command, RuleViolation.Kind kind, String field) {
        fixture.givenNoPriorActivity().when(command).expectNoEvents().expectException(violation(kind, field));
    }
}
