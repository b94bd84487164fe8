package org.relationshipledger.core.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every refusal is an RFC 7807 {@code application/problem+json} answer with a field-level message
 * (DESIGN.md invariant 9), and nothing unexpected leaks a stack trace.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemConfiguration {

    /** Largest request body any ledger API accepts. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    @Bean
    LedgerProblems ledgerProblems() {
        return new LedgerProblems();
    }

    /** Tomcat reports what it refuses on its own (undecodable paths) as problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter() {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(MAX_BODY_BYTES));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Lowest precedence on purpose: a service's own advice for a specific case (e.g. naming the field of a stale
     * version) wins, while everything else still gets a field-level problem here.
     */
    @RestControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class LedgerProblems extends ResponseEntityExceptionHandler {

        private static final Logger log = LoggerFactory.getLogger(LedgerProblems.class);

        @ExceptionHandler(RuleViolation.class)
        ResponseEntity<Object> ruleViolation(RuleViolation violation) {
            HttpStatus status = switch (violation.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return problem(status, violation.getMessage(), violation.field() == null ? List.of()
                    : List.of(Map.of("field", violation.field(), "message", violation.getMessage())));
        }

        @ExceptionHandler(ConflictingModificationException.class)
        ResponseEntity<Object> concurrentModification(ConflictingModificationException conflict) {
            return problem(HttpStatus.CONFLICT,
                    "Someone else changed this at the same time; reload and try again.", List.of());
        }

        @ExceptionHandler(AggregateStreamCreationException.class)
        ResponseEntity<Object> createdTwice(AggregateStreamCreationException conflict) {
            return problem(HttpStatus.CONFLICT, "This was created at the same time by another request.", List.of());
        }

        @ExceptionHandler(AggregateNotFoundException.class)
        ResponseEntity<Object> notFound(AggregateNotFoundException missing) {
            return problem(HttpStatus.NOT_FOUND, "No such resource.", List.of());
        }

        @ExceptionHandler(ConstraintViolationException.class)
        ResponseEntity<Object> constraintViolation(ConstraintViolationException invalid) {
            return problem(HttpStatus.BAD_REQUEST, "The request is invalid.", invalid.getConstraintViolations().stream()
                    .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                    .toList());
        }

        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
            return problem(HttpStatus.BAD_REQUEST, "Parameter '" + mismatch.getName() + "' has an invalid value.",
                    List.of(Map.of("field", mismatch.getName(), "message", "invalid value")));
        }

        @ExceptionHandler(Exception.class)
        ResponseEntity<Object> unexpected(Exception failure) {
            log.error("request failed", failure);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.", List.of());
        }

        @Override
        protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
            return problem(HttpStatus.BAD_REQUEST, "The request is invalid.", invalid.getBindingResult()
                    .getFieldErrors().stream()
                    .map(error -> Map.of("field", error.getField(),
                            "message", String.valueOf(error.getDefaultMessage())))
                    .toList());
        }

        @Override
        protected ResponseEntity<Object> handleHandlerMethodValidationException(
                @NonNull HandlerMethodValidationException invalid, @NonNull HttpHeaders headers,
                @NonNull HttpStatusCode status, @NonNull WebRequest request) {
            return problem(HttpStatus.BAD_REQUEST, "The request is invalid.", invalid.getParameterValidationResults()
                    .stream()
                    .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                            "field", String.valueOf(result.getMethodParameter().getParameterName()),
                            "message", String.valueOf(error.getDefaultMessage()))))
                    .toList());
        }

        /** Names the field whose value did not parse (an unknown enum value, a number too large), if any. */
        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
            if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return problem(HttpStatus.BAD_REQUEST, "Field '" + field + "' has an invalid value.",
                        List.of(Map.of("field", field, "message", "invalid value")));
            }
            return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.",
                    List.of(Map.of("field", "body", "message", "malformed or missing JSON")));
        }

        private static ResponseEntity<Object> problem(HttpStatus status, String detail,
                                                      List<Map<String, String>> errors) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            if (!errors.isEmpty()) {
                problem.setProperty("errors", errors);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
