package org.relationshipledger.core.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The problem+json body for refusals made before Spring MVC's handlers run (filters, the security chain, Tomcat's
 * error report), where {@code LedgerProblems} cannot answer. {@code detail} is always a fixed sentence of ours,
 * never request data, so it needs no escaping.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The RFC 7807 body for {@code status} with {@code detail}. */
    public static String body(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    /** Answers {@code status} with the problem body. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(body(status.value(), detail));
    }
}
