package org.relationshipledger.contacts.infrastructure;

import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A stale {@code expectedVersion} is a conflict on a field the client sent: name it. Every other refusal gets its
 * field-level answer from ledger-core's problem handler, which runs after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FieldProblems {

    @ExceptionHandler(ConflictingModificationException.class)
    ResponseEntity<ProblemDetail> stale(ConflictingModificationException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this in the meantime; reload it and try again.");
        problem.setProperty("errors", List.of(Map.of("field", "expectedVersion",
                "message", "is not the current version")));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
