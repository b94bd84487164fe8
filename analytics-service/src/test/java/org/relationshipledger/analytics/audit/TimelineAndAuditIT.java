package org.relationshipledger.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relationshipledger.analytics.Problems.assertProblem;
import static org.relationshipledger.analytics.Problems.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.ContactEvent.ContactAdded;
import org.relationshipledger.contracts.ContactEvent.ContactDetailsChanged;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class TimelineAndAuditIT extends AnalyticsIntegration {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    private final String account = "acc-" + UUID.randomUUID();

    private JsonNode awaitTimeline(int entries) {
        return awaitTimeline(account, entries);
    }

    @Test
    void mergesEveryServicesEventsInRecordedOrder() {
        topics.publish(new TicketOpened(account, "t-1", Severity.LOW, null, T0, T0), T0.plusSeconds(30));
        topics.publish(new AffinityRated(account, "c-1", "tm-1", 4, null, T0), T0.plusSeconds(20));
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, T0), T0);
        topics.publish(new ContactAdded(account, "c-1", "CFO", null, null, null, T0), T0.plusSeconds(10));

        JsonNode timeline = awaitTimeline(4);

        List<String> types = new ArrayList<>();
        timeline.path("entries").forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).containsExactly("contacts.AccountOpened", "contacts.ContactAdded", "mapping.AffinityRated",
                "engagement.TicketOpened");
        JsonNode first = timeline.path("entries").get(0);
        assertThat(first.path("recordedAt").asText()).isEqualTo("2026-05-01T08:00:00Z");
        assertThat(first.path("data").path("name").asText()).isEqualTo("Acme");
        assertThat(first.path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void streamsEveryEventWithItsEnvelopeAsNdjson() {
        LedgerEnvelope opened = topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, T0), T0);
        topics.publish(new TicketOpened(account, "t-1", Severity.LOW, null, T0, T0), T0.plusSeconds(5));
        topics.publish(new TicketResolved(account, "t-1", T0), T0.plusSeconds(6));
        awaitTimeline(3);

        ResponseEntity<String> response = http.getForEntity("/audit/accounts/{id}/events", String.class, account);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString("application/x-ndjson");
        String[] lines = response.getBody().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = json(lines[0]);
        assertThat(first.path("eventId").asText()).isEqualTo(opened.eventId());
        assertThat(first.path("type").asText()).isEqualTo("contacts.AccountOpened");
        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(first.path("recordedAt").asText()).isEqualTo("2026-05-01T08:00:00Z");
        assertThat(first.path("hash").asText()).isEqualTo(opened.hash());
        assertThat(first.path("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(first.path("streamId").asText()).isEqualTo(opened.streamId());
        assertThat(first.path("sequence").asLong()).isZero();
        assertThat(first.path("correlationId").asText()).isEqualTo(opened.correlationId());
        assertThat(first.path("data").path("segment").asText()).isEqualTo("SMB");
        assertThat(json(lines[2]).path("previousHash").asText()).isEqualTo(json(lines[1]).path("hash").asText());
    }

    @Test
    void verifiesEveryStreamAndNamesTheFirstBrokenPosition() {
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, T0), T0);
        String engagement = "Engagement-" + account;
        List<LedgerEnvelope> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(topics.envelope(new TicketResolved(account, "t-" + i, T0), T0.plusSeconds(i + 1), engagement));
        }
        topics.publish(tickets.get(0));
        topics.publish(tickets.get(1));
        topics.publish(tickets.get(3));
        String mapping = "AccountMap-" + account;
        LedgerEnvelope rated = topics.envelope(new AffinityRated(account, "c-1", "tm-1", 3, null, T0),
                T0.plusSeconds(10), mapping);
        LedgerEnvelope rerated = topics.envelope(new AffinityRated(account, "c-1", "tm-1", 4, null, T0),
                T0.plusSeconds(11), mapping);
        topics.publish(rated);
        topics.publish(new LedgerEnvelope(rerated.eventId(), rerated.source(), rerated.type(), rerated.revision(),
                rerated.recordedAt(), rerated.accountId(), rerated.streamId(), rerated.streamType(),
                rerated.sequence(), rerated.tenantId(), rerated.correlationId(), rerated.hash(), "e".repeat(64),
                rerated.data()));
        awaitTimeline(6);

        JsonNode verification = json(http.getForEntity("/audit/accounts/{id}/verification", String.class, account)
                .getBody());

        assertThat(verification.path("intact").asBoolean()).isFalse();
        JsonNode streams = verification.path("streams");
        assertThat(stream(streams, "Account-" + account).path("intact").asBoolean()).isTrue();
        assertThat(stream(streams, engagement).path("brokenAt").asLong()).isEqualTo(2);
        assertThat(stream(streams, engagement).path("reason").asText()).startsWith("sequence 2 was not received");
        assertThat(stream(streams, mapping).path("brokenAt").asLong()).isEqualTo(1);
    }

    @Test
    void verifiesAContactStreamThatSpansTwoAccountsAsAWhole() {
        String other = "acc-" + UUID.randomUUID();
        String person = "Contact-" + UUID.randomUUID();
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, T0), T0);
        topics.publish(topics.envelope(new ContactAdded(account, "c-9", "CFO", null, null, null, T0),
                T0.plusSeconds(1), person));
        topics.publish(topics.envelope(new ContactAdded(other, "c-9", "Advisor", null, null, null, T0),
                T0.plusSeconds(2), person));
        topics.publish(topics.envelope(new ContactDetailsChanged(account, "c-9", "CEO", null, null, null, T0),
                T0.plusSeconds(3), person));
        awaitTimeline(3);
        awaitTimeline(other, 1);

        JsonNode mine = json(http.getForEntity("/audit/accounts/{id}/verification", String.class, account).getBody());
        JsonNode theirs = json(http.getForEntity("/audit/accounts/{id}/verification", String.class, other).getBody());

        assertThat(mine.path("intact").asBoolean()).as("%s", mine).isTrue();
        assertThat(stream(mine.path("streams"), person).path("eventsChecked").asInt()).isEqualTo(3);
        assertThat(theirs.path("intact").asBoolean()).as("%s", theirs).isTrue();
    }

    @Test
    void anIntactHistoryVerifies() {
        topics.publish(new AccountOpened(account, "Acme", null, Segment.SMB, null, T0), T0);
        topics.publish(new TicketOpened(account, "t-1", Severity.LOW, null, T0, T0), T0.plusSeconds(5));
        awaitTimeline(2);

        JsonNode verification = json(http.getForEntity("/audit/accounts/{id}/verification", String.class, account)
                .getBody());

        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("streams")).hasSize(2);
    }

    @Test
    void refusesUnknownAccounts() {
        String unknown = "acc-unknown-" + UUID.randomUUID();

        assertProblem(http.getForEntity("/accounts/{id}/timeline", String.class, unknown), HttpStatus.NOT_FOUND,
                "accountId");
        assertProblem(http.getForEntity("/audit/accounts/{id}/events", String.class, unknown), HttpStatus.NOT_FOUND,
                "accountId");
        assertProblem(http.getForEntity("/audit/accounts/{id}/verification", String.class, unknown),
                HttpStatus.NOT_FOUND, "accountId");
    }

    private static JsonNode stream(JsonNode streams, String streamId) {
        for (JsonNode stream : streams) {
            if (stream.path("streamId").asText().equals(streamId)) {
                return stream;
            }
        }
        throw new AssertionError("no stream " + streamId + " in " + streams);
    }
}
