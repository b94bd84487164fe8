package org.relationshipledger.engagement.survey;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface SurveyCommand {

    String surveyId();

    /**
     * @param answeredAt optional; when the contact answered, if earlier than now (imported survey results)
     * @param comment optional
     */
    record RecordSurveyAnswer(@TargetAggregateIdentifier String surveyId, String accountId, String contactId,
                              SurveyKind kind, Integer score, String comment, Instant answeredAt, String recordedBy)
            implements SurveyCommand {
    }
}
