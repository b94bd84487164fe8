package org.relationshipledger.core.web;

/**
 * A command or query refused by a business rule. Domain code throws it (it carries no web types); the web
 * layer turns {@link Kind} into the HTTP status of an RFC 7807 answer.
 *
 * @see ProblemConfiguration
 */
public class RuleViolation extends RuntimeException {

    public enum Kind {
        /** 400: the input is wrong on its own terms. */
        INVALID,
        /** 404: what the request names does not exist (for this tenant). */
        NOT_FOUND,
        /** 409: the request conflicts with the current state (churned account, erased contact, stale version). */
        CONFLICT,
        /** 422: well-formed but breaks a rule of the model (a cycle, a self-merge). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String field;

    public RuleViolation(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RuleViolation notFound(String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, field, message);
    }

    public static RuleViolation conflict(String field, String message) {
        return new RuleViolation(Kind.CONFLICT, field, message);
    }

    public static RuleViolation unprocessable(String field, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, field, message);
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null when the violation is about the whole request. */
    public String field() {
        return field;
    }
}
