package org.relationshipledger.analytics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relationshipledger.analytics.Problems.assertProblem;
import static org.relationshipledger.analytics.Problems.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.relationshipledger.analytics.AnalyticsIntegration;
import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

class DeadLettersIT extends AnalyticsIntegration {

    @Test
    void parksPoisonRecordsWithTheReasonWhileOtherAccountsKeepFlowing() {
        String poisoned = "acc-poison-" + UUID.randomUUID();
        String healthy = "acc-healthy-" + UUID.randomUUID();
        Instant now = Instant.now();
        LedgerEnvelope valid = topics.envelope(new TicketResolved(poisoned, "t-1", now), now, "Engagement-" + poisoned);
        topics.publish(Topics.ENGAGEMENT, withType(valid, "engagement.TicketTeleported", 1));
        topics.publish(Topics.ENGAGEMENT, withType(topics.envelope(new TicketResolved(poisoned, "t-2", now), now,
                "Engagement-" + poisoned), "engagement.TicketResolved", 7));
        topics.send(new ProducerRecord<>(Topics.CONTACTS, poisoned, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        topics.publish(new AccountOpened(healthy, "Healthy", null, Segment.SMB, null, now));

        awaitHealth(healthy, 1);
        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(
                () -> json(http.getForEntity("/dead-letters?limit=500", String.class).getBody()),
                list -> count(list, poisoned) == 3);

        assertThat(reasons(parked, poisoned)).contains("engagement.TicketTeleported", "revision 7");
        for (JsonNode entry : parked) {
            if (poisoned.equals(entry.path("key").asText())) {
                assertThat(entry.path("group").asText()).isEqualTo("analytics-service.account-ledger");
                assertThat(entry.path("parkedAt").asText()).isNotBlank();
            }
        }
        assertProblem(http.getForEntity("/accounts/{id}/health", String.class, poisoned), HttpStatus.NOT_FOUND,
                "accountId");
    }

    @Test
    void refusesAnUnreasonableLimit() {
        assertProblem(http.getForEntity("/dead-letters?limit=0", String.class), HttpStatus.BAD_REQUEST, "limit");
        assertProblem(http.getForEntity("/dead-letters?limit=many", String.class), HttpStatus.BAD_REQUEST, "limit");
    }

    private static LedgerEnvelope withType(LedgerEnvelope envelope, String type, int revision) {
        return new LedgerEnvelope(envelope.eventId(), envelope.source(), type, revision, envelope.recordedAt(),
                envelope.accountId(), envelope.streamId(), envelope.streamType(), envelope.sequence(),
                envelope.tenantId(), envelope.correlationId(), envelope.hash(), envelope.previousHash(),
                envelope.data());
    }

    private static long count(JsonNode parked, String key) {
        long count = 0;
        for (JsonNode entry : parked) {
            if (key.equals(entry.path("key").asText())) {
                count++;
            }
        }
        return count;
    }

    private static String reasons(JsonNode parked, String key) {
        StringBuilder reasons = new StringBuilder();
        for (JsonNode entry : parked) {
            if (key.equals(entry.path("key").asText())) {
                reasons.append(entry.path("reason").asText()).append('\n');
            }
        }
        return reasons.toString();
    }
}
