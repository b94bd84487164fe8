package org.relationshipledger.engagement.survey.api;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.relationshipledger.engagement.idempotency.IdempotentSubmissions;
import org.relationshipledger.engagement.survey.SurveyCommand;
import org.relationshipledger.engagement.survey.SurveyKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SurveyController {

    record AnswerRequest(String contactId, SurveyKind kind, Integer score, String comment, Instant answeredAt,
                         String recordedBy) {
    }

    private record Fingerprinted(String accountId, AnswerRequest body) {
    }

    private final IdempotentSubmissions submissions;

    SurveyController(IdempotentSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping("/accounts/{accountId}/surveys")
    ResponseEntity<Map<String, String>> answer(@PathVariable String accountId, @RequestBody AnswerRequest request,
                                               @RequestHeader(name = IdempotentSubmissions.HEADER, required = false)
                                               String idempotencyKey) {
        IdempotentSubmissions.Submitted submitted = submissions.submit(idempotencyKey, "survey",
                new Fingerprinted(accountId, request), id -> new SurveyCommand.RecordSurveyAnswer(id, accountId,
                        request.contactId(), request.kind(), request.score(), request.comment(),
                        request.answeredAt(), request.recordedBy()));
        return ResponseEntity.created(URI.create("/accounts/" + accountId + "/surveys"))
                .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
                .body(Map.of("surveyId", submitted.id()));
    }
}
