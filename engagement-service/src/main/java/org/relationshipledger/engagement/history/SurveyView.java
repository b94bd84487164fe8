package org.relationshipledger.engagement.history;

import java.time.Instant;

public record SurveyView(String surveyId, String accountId, String contactId, String kind, int score,
                         String comment, String recordedBy, Instant answeredAt) {
}
