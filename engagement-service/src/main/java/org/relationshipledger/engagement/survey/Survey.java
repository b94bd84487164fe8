package org.relationshipledger.engagement.survey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.roster.AccountRoster;
import org.relationshipledger.engagement.survey.SurveyCommand.RecordSurveyAnswer;
import org.relationshipledger.engagement.survey.SurveyEvent.SurveyAnswered;

/** One contact's answer to one survey; an answer is a fact and is never changed afterwards. */
@Aggregate
public class Survey {

    public static final int MAX_COMMENT = 2000;

    @AggregateIdentifier
    private String surveyId;

    protected Survey() {
    }

    @CommandHandler
    public Survey(RecordSurveyAnswer command, AccountRoster roster, Clock clock, TextVault vault) {
        if (command.recordedBy() == null || command.recordedBy().isBlank()) {
            throw RuleViolation.invalid("recordedBy", "recordedBy is required: the team member who records this");
        }
        if (command.kind() == null) {
            throw RuleViolation.invalid("kind", "kind is required: NPS or CSAT");
        }
        if (command.score() == null || !command.kind().accepts(command.score())) {
            throw RuleViolation.invalid("score", command.kind() + " score must be between "
                    + command.kind().minScore() + " and " + command.kind().maxScore());
        }
        if (command.comment() != null && command.comment().length() > MAX_COMMENT) {
            throw RuleViolation.invalid("comment", "comment is longer than " + MAX_COMMENT + " characters");
        }
        if (command.contactId() == null || command.contactId().isBlank()) {
            throw RuleViolation.invalid("contactId", "contactId is required: who answered");
        }
        Instant now = clock.instant();
        Instant answeredAt = command.answeredAt() == null ? now : command.answeredAt();
        if (answeredAt.isAfter(now)) {
            throw RuleViolation.invalid("answeredAt", "answeredAt lies in the future");
        }
        roster.requireAccount(command.accountId());
        roster.requireParticipants(command.accountId(), List.of(command.contactId()), answeredAt, "contactId");
        SealedText comment = command.comment() == null ? null
                : vault.seal(TextRecord.SURVEY.keyId(command.surveyId()), List.of(command.contactId()),
                        command.comment()).orElseThrow(() -> RuleViolation.conflict("surveyId",
                        "Survey " + command.surveyId() + " was erased."));
        apply(new SurveyAnswered(command.surveyId(), command.accountId(), command.contactId(), command.kind(),
                command.score(), comment, command.recordedBy(), answeredAt));
    }

    @EventSourcingHandler
    void on(SurveyAnswered answered) {
        surveyId = answered.surveyId();
    }
}
