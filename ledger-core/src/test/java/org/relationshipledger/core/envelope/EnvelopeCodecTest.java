package org.relationshipledger.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class EnvelopeCodecTest {

    private static final LedgerEnvelope ENVELOPE = new LedgerEnvelope("event-1", "/relationship-ledger/contacts-service",
            "contacts.AccountOpened", 1, Instant.parse("2026-11-23T08:00:00Z"), "account-1", "account-1", "Account",
            7, "tenant-a", "corr-1", "a".repeat(64), "b".repeat(64),
            "{\"accountId\":\"account-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void writesCloudEventsBinaryModeHeadersAndReadsThemBack() {
        ProducerRecord<String, byte[]> written = EnvelopeCodec.toRecord("ledger.contacts.v1", "account-1", ENVELOPE);

        assertThat(header(written, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(written, "ce_type")).isEqualTo("contacts.AccountOpened");
        assertThat(header(written, "ce_ledgerseq")).isEqualTo("7");
        assertThat(header(written, "ce_ledgerhash")).isEqualTo("a".repeat(64));
        assertThat(header(written, "content-type")).isEqualTo("application/json");
        assertThat(written.key()).isEqualTo("account-1");

        LedgerEnvelope read = EnvelopeCodec.fromRecord(consumed(written));
        assertThat(read).usingRecursiveComparison().isEqualTo(ENVELOPE);
    }

    @Test
    void aTombstoneKeepsItsHeadersAndHasANullValue() {
        LedgerEnvelope tombstone = new LedgerEnvelope("event-2", ENVELOPE.source(), "contacts.ContactProfile", 1,
                ENVELOPE.recordedAt(), "account-1", "contact-1", "Contact", 3, "tenant-a", null, "c".repeat(64),
                "d".repeat(64), null);

        ProducerRecord<String, byte[]> written = EnvelopeCodec.toRecord("ledger.contact-profiles.v1", "contact-1",
                tombstone);

        assertThat(written.value()).isNull();
        assertThat(EnvelopeCodec.fromRecord(consumed(written)).isTombstone()).isTrue();
    }

    @Test
    void aRecordThatIsNoCloudEventIsRefused() {
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>("t", 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                "k", "not json".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());

        assertThatThrownBy(() -> EnvelopeCodec.fromRecord(poison)).isInstanceOf(RuntimeException.class);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), record.headers(), Optional.empty());
    }
}
