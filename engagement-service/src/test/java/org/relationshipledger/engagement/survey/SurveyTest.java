package org.relationshipledger.engagement.survey;

import static org.relationshipledger.engagement.InMemoryTextVault.sealed;
import static org.relationshipledger.engagement.Violations.violation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.InMemoryRoster;
import org.relationshipledger.engagement.InMemoryTextVault;
import org.relationshipledger.engagement.survey.SurveyCommand.RecordSurveyAnswer;
import org.relationshipledger.engagement.survey.SurveyEvent.SurveyAnswered;

class SurveyTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final String ACCOUNT = "acme";

    FixtureConfiguration<Survey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Survey.class);
        fixture.registerInjectableResource(new InMemoryRoster().account(ACCOUNT).contact(ACCOUNT, "c-ann")
                .erased(ACCOUNT, "c-gone"));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryTextVault());
    }

    @Nested
    class RecordSurveyAnswerCommand {

        @ParameterizedTest
        @CsvSource({"NPS,0", "NPS,10", "CSAT,1", "CSAT,5"})
        void recordsAnAnswerWithinTheKindsScale(SurveyKind kind, int score) {
            fixture.givenNoPriorActivity()
                    .when(new RecordSurveyAnswer("s-1", ACCOUNT, "c-ann", kind, score, "fine", null, "tm-1"))
                    .expectEvents(new SurveyAnswered("s-1", ACCOUNT, "c-ann", kind, score,
                            sealed("survey:s-1", "fine"), "tm-1", NOW));
        }

        @ParameterizedTest
        @CsvSource({"NPS,11", "NPS,-1", "CSAT,0", "CSAT,6"})
        void rejectsAScoreOutsideTheKindsScale(SurveyKind kind, int score) {
            fixture.givenNoPriorActivity()
                    .when(new RecordSurveyAnswer("s-1", ACCOUNT, "c-ann", kind, score, null, null, "tm-1"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.INVALID, "score"));
        }

        @Test
        void rejectsAnAnswerFromAnErasedContact() {
            fixture.givenNoPriorActivity()
                    .when(new RecordSurveyAnswer("s-1", ACCOUNT, "c-gone", SurveyKind.NPS, 9, null, null, "tm-1"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "contactId"));
        }

        @Test
        void rejectsAnAnswerDatedInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new RecordSurveyAnswer("s-1", ACCOUNT, "c-ann", SurveyKind.NPS, 9, null,
                            NOW.plusSeconds(3600), "tm-1"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.INVALID, "answeredAt"));
        }
    }
}
