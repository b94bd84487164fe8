package org.relationshipledger.engagement.survey;

import java.time.Instant;

import org.relationshipledger.contracts.EventType;
import org.relationshipledger.engagement.freetext.SealedText;

public sealed interface SurveyEvent {

    String surveyId();

    String accountId();

    Instant validFrom();

    /**
     * @param comment optional; sealed under the survey's own key (revision 2, ADR 0034), in clear in revision 1
     */
    @EventType(name = "engagement.Survey.SurveyAnswered", revision = 2)
    record SurveyAnswered(String surveyId, String accountId, String contactId, SurveyKind kind, int score,
                          SealedText comment, String recordedBy, Instant validFrom) implements SurveyEvent {
    }
}
