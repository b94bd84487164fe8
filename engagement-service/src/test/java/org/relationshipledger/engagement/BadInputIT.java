package org.relationshipledger.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every refusal is problem+json naming the field, writes nothing, and the service keeps serving afterwards. */
class BadInputIT extends LiveEngagement {

    String account;
    String contact;
    long storedBefore;

    @BeforeEach
    void anAccountWithAContact() {
        account = openAccount();
        contact = addContact(account, "VP Sales");
        storedBefore = storedCount();
    }

    @AfterEach
    void nothingWasWrittenAndTheServiceStillServes() {
        assertThat(storedCount()).as("events stored by a refused request").isEqualTo(storedBefore);
        ResponseEntity<String> fine = post("/accounts/" + account + "/interactions", interaction(Map.of()));
        assertThat(fine.getStatusCode()).as(fine.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesAnInteractionAtAnUnknownAccount() {
        assertProblem(post("/accounts/" + newId() + "/interactions", interaction(Map.of())), HttpStatus.NOT_FOUND,
                "accountId");
    }

    @Test
    void refusesAnUnknownContact() {
        assertProblem(post("/accounts/" + account + "/interactions",
                interaction(Map.of("contactIds", List.of(newId())))), HttpStatus.NOT_FOUND, "contactIds");
    }

    @Test
    void refusesAContactOfAnotherAccount() {
        String elsewhere = addContact(openAccount(), "CEO");
        storedBefore = storedCount();
        assertProblem(post("/accounts/" + account + "/interactions",
                interaction(Map.of("contactIds", List.of(elsewhere)))), HttpStatus.NOT_FOUND, "contactIds");
    }

    @Test
    void refusesAnErasedContact() {
        contactErased(account, contact);
        assertProblem(post("/accounts/" + account + "/interactions",
                interaction(Map.of("contactIds", List.of(contact)))), HttpStatus.CONFLICT, "contactIds");
    }

    @Test
    void refusesADepartedContactAfterTheirDepartureButKeepsTheirBackFilledHistory() {
        Instant left = Instant.now().minus(Duration.ofDays(20));
        contactLeft(account, contact, left);
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of(
                "contactIds", List.of(contact), "occurredAt", left.plus(Duration.ofDays(1)).toString()))),
                HttpStatus.UNPROCESSABLE_ENTITY, "contactIds");

        ResponseEntity<String> backFilled = post("/accounts/" + account + "/interactions", interaction(Map.of(
                "contactIds", List.of(contact), "occurredAt", left.minus(Duration.ofDays(1)).toString())));
        assertThat(backFilled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        storedBefore++;
    }

    @Test
    void refusesAnInteractionInTheFuture() {
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of(
                "occurredAt", Instant.now().plus(Duration.ofDays(1)).toString()))), HttpStatus.BAD_REQUEST,
                "occurredAt");
    }

    @Test
    void refusesSentimentOutOfRange() {
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("sentiment", 3))),
                HttpStatus.BAD_REQUEST, "sentiment");
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("sentiment", -3))),
                HttpStatus.BAD_REQUEST, "sentiment");
    }

    @Test
    void refusesANullInsideTheListsOfIds() {
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("contactIds", withNull))),
                HttpStatus.BAD_REQUEST, "contactIds");
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("teamMemberIds", withNull))),
                HttpStatus.BAD_REQUEST, "teamMemberIds");
    }

    @Test
    void refusesAnEmptySummary() {
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("summary", " "))),
                HttpStatus.BAD_REQUEST, "summary");
    }

    @Test
    void refusesAnOversizedSummaryAndAnOversizedBody() {
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("summary", "x".repeat(4001)))),
                HttpStatus.BAD_REQUEST, "summary");
        ResponseEntity<String> huge = post("/accounts/" + account + "/interactions",
                interaction(Map.of("summary", "x".repeat(70 * 1024))));
        assertProblem(huge, HttpStatus.PAYLOAD_TOO_LARGE, null);
    }

    @Test
    void refusesMalformedJsonAndUnknownChannels() {
        assertProblem(post("/accounts/" + account + "/interactions", "{\"channel\": "), HttpStatus.BAD_REQUEST,
                null);
        assertProblem(post("/accounts/" + account + "/interactions", interaction(Map.of("channel", "PIGEON"))),
                HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void refusesAnNpsOfElevenAndACsatOfZero() {
        assertProblem(post("/accounts/" + account + "/surveys", Map.of("contactId", contact, "kind", "NPS",
                "score", 11, "recordedBy", "tm-1")), HttpStatus.BAD_REQUEST, "score");
        assertProblem(post("/accounts/" + account + "/surveys", Map.of("contactId", contact, "kind", "CSAT",
                "score", 0, "recordedBy", "tm-1")), HttpStatus.BAD_REQUEST, "score");
    }

    @Test
    void refusesResolvingAResolvedTicket() {
        String ticket = json(post("/accounts/" + account + "/tickets", Map.of("severity", "LOW",
                "subject", "Login loop", "openedBy", "tm-1")).getBody()).get("ticketId").asText();
        post("/tickets/" + ticket + "/resolution", Map.of("resolvedBy", "tm-1"));
        storedBefore = storedCount();

        assertProblem(post("/tickets/" + ticket + "/resolution", Map.of("resolvedBy", "tm-1")),
                HttpStatus.CONFLICT, "ticketId");
    }

    @Test
    void refusesATicketActionOnAnUnknownTicket() {
        ResponseEntity<String> missing = post("/tickets/" + newId() + "/resolution", Map.of("resolvedBy", "tm-1"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void refusesAHandoverByANonOwnerAndToTheCurrentOwner() {
        post("/accounts/" + account + "/owner", Map.of("ownerId", "alice", "assignedBy", "lead"));
        storedBefore = storedCount();

        assertProblem(post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", "mallory",
                "toOwnerId", "bob", "note", "mine now")), HttpStatus.CONFLICT, "fromOwnerId");
        assertProblem(post("/accounts/" + account + "/handovers", Map.of("fromOwnerId", "alice",
                "toOwnerId", "alice", "note", "to myself")), HttpStatus.UNPROCESSABLE_ENTITY, "toOwnerId");
        assertProblem(post("/accounts/" + account + "/owner", Map.of("ownerId", "bob", "assignedBy", "lead")),
                HttpStatus.CONFLICT, "ownerId");
    }

    @Test
    void refusesReadsOfAnUnknownAccountAndBadTimelineParameters() {
        assertProblem(http.getForEntity("/accounts/" + newId() + "/handover-package", String.class),
                HttpStatus.NOT_FOUND, "accountId");
        assertProblem(http.getForEntity("/interactions/" + newId(), String.class), HttpStatus.NOT_FOUND,
                "interactionId");
        assertProblem(http.getForEntity("/tickets/" + newId(), String.class), HttpStatus.NOT_FOUND, "ticketId");
        assertProblem(http.getForEntity("/accounts/" + account + "/timeline?cursor=bm9wZQ", String.class),
                HttpStatus.BAD_REQUEST, "cursor");
        assertProblem(http.getForEntity("/accounts/" + account + "/timeline?limit=0", String.class),
                HttpStatus.BAD_REQUEST, "limit");
        assertProblem(http.getForEntity("/accounts/" + account + "/timeline?from=yesterday", String.class),
                HttpStatus.BAD_REQUEST, "from");
        assertProblem(http.getForEntity("/accounts/" + account + "/timeline?channel=PIGEON", String.class),
                HttpStatus.BAD_REQUEST, "channel");
    }

    private Map<String, Object> interaction(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "EMAIL", "direction", "INBOUND",
                "occurredAt", Instant.now().minus(Duration.ofHours(1)).toString(), "contactIds", List.of(),
                "teamMemberIds", List.of("tm-1"), "sentiment", 0, "summary", "Asked about invoices",
                "recordedBy", "tm-1"));
        body.putAll(overrides);
        return body;
    }
}
