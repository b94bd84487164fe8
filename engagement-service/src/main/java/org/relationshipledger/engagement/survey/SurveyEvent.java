package org.relationshipledger.engagement.survey;

import java.time.Instant;

import org.relationshipledger.contracts.EventType;

public sealed interface SurveyEvent {

    String surveyId();

    String accountId();

    Instant validFrom();

    @EventType(name = "engagement.Survey.SurveyAnswered", revision = 1)
    record SurveyAnswered(String surveyId, String accountId, String contactId, SurveyKind kind, int score,
                          String comment, String recordedBy, Instant validFrom) implements SurveyEvent {
    }
}
