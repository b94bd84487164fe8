package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.engagement.LiveEngagement;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The SLA watch runs against a clock the test moves, instead of waiting hours for a deadline. */
class SlaBreachIT extends LiveEngagement {

    @Autowired
    TicketsProjection tickets;

    @Autowired
    CommandGateway commands;

    @Test
    void reportsABreachOnceWhenTheTargetPassesUnresolved() {
        String account = openAccount();
        String critical = openTicket(account, "CRITICAL");
        String low = openTicket(account, "LOW");
        String resolved = openTicket(account, "CRITICAL");
        post("/tickets/" + resolved + "/resolution", Map.of("resolvedBy", "tm-1"));
        JsonNode opened = ticket(account, critical);
        Instant due = Instant.parse(opened.get("slaDueAt").asText());
        assertThat(due).isEqualTo(Instant.parse(opened.get("openedAt").asText()).plus(Duration.ofHours(4)));

        assertThat(watchAt(due.minusSeconds(1)).sweep()).isZero();
        assertThat(ticket(account, critical).get("breaches")).isEmpty();

        SlaWatch afterDeadline = watchAt(due.plus(Duration.ofMinutes(1)));
        afterDeadline.sweep();
        afterDeadline.sweep();

        JsonNode breached = ticket(account, critical);
        assertThat(breached.get("breaches")).hasSize(1);
        assertThat(Instant.parse(breached.get("breaches").get(0).get("slaDueAt").asText())).isEqualTo(due);
        assertThat(ticket(account, low).get("breaches")).isEmpty();
        assertThat(ticket(account, resolved).get("breaches")).isEmpty();
        assertThat(storedEvents.stream(critical)).extracting(d -> d.getString("payloadType"))
                .containsExactly("engagement.Ticket.TicketOpened", "engagement.Ticket.TicketSlaBreached");
        JsonNode timeline = get("/accounts/" + account + "/timeline");
        assertThat(timeline.get("entries").findValuesAsText("kind")).contains("TICKET_SLA_BREACHED");
        assertThat(get("/accounts/" + account + "/handover-package").get("breachedTickets")
                .findValuesAsText("ticketId")).containsExactly(critical);

        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            List<EngagementEvent.TicketSlaBreached> breaches = kafka.readUntil(records -> records.stream()
                            .filter(r -> account.equals(r.key())).count() >= 5, Duration.ofSeconds(30),
                            Topics.ENGAGEMENT).stream().filter(r -> account.equals(r.key()))
                    .map(r -> (EngagementEvent) LedgerJson.read(EnvelopeCodec.fromRecord(r)))
                    .filter(EngagementEvent.TicketSlaBreached.class::isInstance)
                    .map(EngagementEvent.TicketSlaBreached.class::cast).toList();
            // The read model keeps milliseconds; the published event keeps the deadline exactly.
            assertThat(breaches).singleElement().satisfies(breach -> {
                assertThat(breach.ticketId()).isEqualTo(critical);
                assertThat(breach.slaDueAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(due);
                assertThat(breach.validFrom()).isEqualTo(breach.slaDueAt());
            });
        }
    }

    @Test
    void anEscalationSetsANewDeadlineThatIsReportedOnItsOwn() {
        String account = openAccount();
        String ticket = openTicket(account, "LOW");
        Instant opened = Instant.parse(ticket(account, ticket).get("openedAt").asText());
        post("/tickets/" + ticket + "/escalation", Map.of("severity", "HIGH", "escalatedBy", "tm-1"));
        Instant due = opened.plus(Duration.ofHours(8));
        assertThat(Instant.parse(ticket(account, ticket).get("slaDueAt").asText())).isEqualTo(due);

        watchAt(due.plusSeconds(1)).sweep();
        post("/tickets/" + ticket + "/escalation", Map.of("severity", "CRITICAL", "escalatedBy", "tm-1"));
        watchAt(due.plusSeconds(2)).sweep();

        assertThat(ticket(account, ticket).get("breaches").findValuesAsText("severity"))
                .containsExactly("HIGH", "CRITICAL");
    }

    @Test
    void aTicketBackDatedPastItsTargetIsReportedByTheNextSweep() {
        String account = openAccount();
        Instant raised = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        ResponseEntity<String> created = post("/accounts/" + account + "/tickets", Map.of("severity", "CRITICAL",
                "subject", "Nightly print export fails", "openedBy", "tm-1", "openedAt", raised.toString()));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String ticket = json(created.getBody()).get("ticketId").asText();
        JsonNode opened = ticket(account, ticket);
        Instant due = raised.plus(Duration.ofHours(4));
        assertThat(Instant.parse(opened.get("openedAt").asText())).isEqualTo(raised);
        assertThat(Instant.parse(opened.get("slaDueAt").asText())).isEqualTo(due);
        assertThat(opened.get("breaches")).isEmpty();

        watchAt(Instant.now()).sweep();

        JsonNode breached = ticket(account, ticket);
        assertThat(breached.get("breaches")).hasSize(1);
        assertThat(Instant.parse(breached.get("breaches").get(0).get("slaDueAt").asText())).isEqualTo(due);
        assertThat(get("/accounts/" + account + "/timeline").get("entries").findValuesAsText("occurredAt"))
                .contains(raised.toString(), due.toString());
    }

    @Test
    void refusesATicketOpenedInTheFutureAndWritesNothing() {
        String account = openAccount();
        long before = storedCount();

        ResponseEntity<String> refused = post("/accounts/" + account + "/tickets", Map.of("severity", "LOW",
                "subject", "Not yet", "openedBy", "tm-1", "openedAt", Instant.now().plus(Duration.ofHours(1))
                        .toString()));

        assertProblem(refused, HttpStatus.BAD_REQUEST, "openedAt");
        assertThat(storedCount()).isEqualTo(before);
        assertThat(get("/accounts/" + account + "/tickets")).isEmpty();
    }

    private SlaWatch watchAt(Instant now) {
        return new SlaWatch(tickets, commands, Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    private String openTicket(String account, String severity) {
        return json(post("/accounts/" + account + "/tickets", Map.of("severity", severity, "subject",
                "Dashboard down", "openedBy", "tm-1")).getBody()).get("ticketId").asText();
    }

    private JsonNode ticket(String account, String ticketId) {
        for (JsonNode ticket : get("/accounts/" + account + "/tickets")) {
            if (ticket.get("ticketId").asText().equals(ticketId)) {
                return ticket;
            }
        }
        throw new AssertionError("no ticket " + ticketId);
    }
}
