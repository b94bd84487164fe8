package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.launcher.reliability.CommandLoad.Account;
import org.relationshipledger.testkit.KafkaTestConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;

/**
 * The end of every fault test: every accepted command's event is in contacts-service's event store, every stored
 * event is on the contacts topic (in stream order, duplicates counted: delivery is at least once), and analytics
 * counts each exactly once in the account's timeline.
 */
final class Reconciliation {

    /** Figures a fault test reports. */
    record Figures(int acceptedCommands, int storedEvents, int topicRecords, int duplicatesOnTopic,
                   int analyticsEntries, Duration toReconcile) {

        @Override
        public String toString() {
            return "%d accepted commands, %d stored events, %d records on %s (%d duplicate deliveries), %d analytics "
                    .formatted(acceptedCommands, storedEvents, topicRecords, Topics.CONTACTS, duplicatesOnTopic,
                            analyticsEntries)
                    + "timeline entries; reconciled %.1f s after the load stopped".formatted(
                    toReconcile.toMillis() / 1000.0);
        }
    }

    private record Position(String streamId, long sequence) {
    }

    private Reconciliation() {
    }

    static Figures check(MongoClient mongo, String kafka, URI analytics, LedgerHttp http, List<Account> accepted,
                         Duration timeout) {
        Instant begin = Instant.now();
        int commands = accepted.stream().mapToInt(Account::commands).sum();

        // 1. The event store has every accepted command's event, and nothing else (the load is its only writer).
        Map<String, List<Long>> stored = new HashMap<>();
        Set<Position> positions = new HashSet<>();
        for (Document event : mongo.getDatabase(Service.CONTACTS.database()).getCollection(Service.EVENTS_COLLECTION)
                .find()) {
            stored.computeIfAbsent(StoredEvents.streamId(event), stream -> new ArrayList<>())
                    .add(StoredEvents.sequence(event));
            positions.add(new Position(StoredEvents.streamId(event), StoredEvents.sequence(event)));
        }
        for (Account account : accepted) {
            assertThat(stored).as("event store: accepted account %s", account.id()).containsKey(account.id());
            for (String contact : account.contactIds()) {
                assertThat(stored).as("event store: accepted contact %s", contact).containsKey(contact);
            }
        }
        // A command whose answer was lost (timeout) may have gone in: at most that many events more than accepted.
        assertThat(positions.size()).as("stored events vs accepted commands").isGreaterThanOrEqualTo(commands);

        // 2. Every stored event is on the topic; per stream in sequence order; duplicates only as redeliveries.
        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka)) {
            records = consumer.readUntil(read -> covered(read, positions), timeout, Topics.CONTACTS);
        }
        Map<Position, Integer> deliveries = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Map<Integer, List<ConsumerRecord<String, byte[]>>> byPartition = new TreeMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record));
        for (List<ConsumerRecord<String, byte[]>> partition : byPartition.values()) {
            partition.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            for (ConsumerRecord<String, byte[]> record : partition) {
                LedgerEnvelope envelope = readable(record);
                if (envelope == null) {
                    continue; // a poison record a fault test put there
                }
                Position position = new Position(envelope.streamId(), envelope.sequence());
                if (deliveries.merge(position, 1, Integer::sum) == 1) {
                    Long previous = lastSequence.put(envelope.streamId(), envelope.sequence());
                    assertThat(previous == null ? -1 : previous)
                            .as("first deliveries of stream %s in order (partition %d, offset %d)", envelope.streamId(),
                                    record.partition(), record.offset())
                            .isLessThan(envelope.sequence());
                }
            }
        }
        assertThat(deliveries.keySet()).as("stored events on %s", Topics.CONTACTS).containsAll(positions);
        int duplicates = deliveries.values().stream().mapToInt(count -> count - 1).sum();

        // 3. Analytics counts each event exactly once.
        Map<String, Set<String>> streamsByAccount = new HashMap<>();
        for (Account account : accepted) {
            Set<String> streams = new HashSet<>(account.contactIds());
            streams.add(account.id());
            streamsByAccount.put(account.id(), streams);
        }
        int[] entries = {0};
        await("analytics timelines hold every stored event once").atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class) // analytics still starting after a fault
                .untilAsserted(() -> {
                    entries[0] = 0;
                    for (Account account : accepted) {
                        entries[0] += checkTimeline(http, analytics, account, stored,
                                streamsByAccount.get(account.id()));
                    }
                });
        return new Figures(commands, positions.size(), records.size(), duplicates, entries[0],
                Duration.between(begin, Instant.now()));
    }

    private static int checkTimeline(LedgerHttp http, URI analytics, Account account, Map<String, List<Long>> stored,
                                     Set<String> streams) {
        LedgerHttp.Answer answer = http.get(analytics.resolve("/accounts/" + account.id() + "/timeline"));
        assertThat(answer.status()).as("timeline of %s: %s", account.id(), answer.text()).isEqualTo(200);
        Set<Position> seen = new HashSet<>();
        int count = 0;
        for (JsonNode entry : answer.json().path("entries")) {
            Position position = new Position(entry.path("streamId").asText(), entry.path("sequence").asLong());
            assertThat(seen.add(position)).as("analytics counted %s twice", position).isTrue();
            count++;
        }
        Set<Position> expected = new HashSet<>();
        for (String stream : streams) {
            stored.getOrDefault(stream, List.of()).forEach(sequence -> expected.add(new Position(stream, sequence)));
        }
        assertThat(seen).as("timeline of account %s", account.id()).isEqualTo(expected);
        return count;
    }

    private static boolean covered(List<ConsumerRecord<String, byte[]>> records, Set<Position> positions) {
        if (records.size() < positions.size()) {
            return false;
        }
        Set<Position> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            LedgerEnvelope envelope = readable(record);
            if (envelope != null) {
                seen.add(new Position(envelope.streamId(), envelope.sequence()));
            }
        }
        return seen.containsAll(positions);
    }

    private static LedgerEnvelope readable(ConsumerRecord<String, byte[]> record) {
        try {
            return EnvelopeCodec.fromRecord(record);
        } catch (RuntimeException notACloudEvent) {
            return null;
        }
    }
}
