package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.HandoverDone;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EngagementEventTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String OWNER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private static final String NEXT_OWNER = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    private static final Instant AT = Instant.parse("2026-03-06T13:00:00Z");

    private static InteractionLogged interaction(List<String> contactIds, int sentiment) {
        return new InteractionLogged(ACCOUNT, "4b3a2918-0716-4f5e-9d4c-3b2a19087f6e", Channel.CALL, Direction.INBOUND,
                contactIds, List.of(OWNER), sentiment, null, AT);
    }

    private static SurveyAnswered survey(SurveyKind kind, int score) {
        return new SurveyAnswered(ACCOUNT, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", CONTACT, kind, score, AT);
    }

    @ParameterizedTest
    @ValueSource(ints = {-3, 3})
    void rejectsASentimentOutsideMinusTwoToPlusTwo(int sentiment) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> interaction(List.of(CONTACT), sentiment))
                .withMessage("sentiment must be between -2 and 2, was " + sentiment);
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 0, 2})
    void acceptsEverySentimentOnTheScale(int sentiment) {
        assertThat(interaction(List.of(CONTACT), sentiment).sentiment()).isEqualTo(sentiment);
    }

    @Test
    void logsAnInteractionWithoutIdentifiedContacts() {
        assertThat(interaction(List.of(), 0).contactIds()).isEmpty();
    }

    @Test
    void copiesParticipantsSoTheEventCannotChangeAfterwards() {
        List<String> contacts = new ArrayList<>(List.of(CONTACT));
        var logged = interaction(contacts, 1);

        contacts.add("someone-else");

        assertThat(logged.contactIds()).containsExactly(CONTACT);
    }

    @ParameterizedTest
    @CsvSource({"NPS, -1", "NPS, 11", "CSAT, 0", "CSAT, 6"})
    void rejectsASurveyScoreOutsideItsKindsScale(SurveyKind kind, int score) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> survey(kind, score))
                .withMessageStartingWith(kind + " score must be between");
    }

    @ParameterizedTest
    @CsvSource({"NPS, 0", "NPS, 10", "CSAT, 1", "CSAT, 5"})
    void acceptsTheEndsOfEachSurveyScale(SurveyKind kind, int score) {
        assertThat(survey(kind, score).score()).isEqualTo(score);
    }

    @Test
    void rejectsASurveyWithoutKind() {
        assertThatNullPointerException()
                .isThrownBy(() -> survey(null, 5))
                .withMessage("kind");
    }

    @Test
    void opensATicketThatNoKnownContactRaised() {
        var opened = new TicketOpened(ACCOUNT, "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", Severity.LOW, null,
                AT.plusSeconds(86_400), AT);

        assertThat(opened.contactId()).isNull();
    }

    @Test
    void rejectsATicketWithoutSlaDeadline() {
        assertThatNullPointerException()
                .isThrownBy(() -> new TicketOpened(ACCOUNT, "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", Severity.LOW,
                        CONTACT, null, AT))
                .withMessage("slaDueAt");
    }

    @Test
    void rejectsAHandoverToTheSameOwner() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HandoverDone(ACCOUNT, OWNER, OWNER, "Nothing open", List.of(), AT))
                .withMessageContaining("fromOwnerId and toOwnerId must differ");
    }

    @Test
    void handsOverWithoutOpenItems() {
        assertThat(new HandoverDone(ACCOUNT, OWNER, NEXT_OWNER, "All quiet", List.of(), AT).openItems()).isEmpty();
    }
}
