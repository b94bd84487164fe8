package org.relationshipledger.core.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HashChainTest {

    private static final StoredEventBytes EVENT = new StoredEventBytes("event-1", "Account", "account-1", 3,
            "2026-11-23T08:00:00Z", "contacts.Account.Opened", "1", "{\"name\":\"Acme\"}");

    @Example
    void theValueIsAHexSha256() {
        assertThat(HashChain.link(HashChain.GENESIS, EVENT, Map.of())).matches("[0-9a-f]{64}");
    }

    @Example
    void metaDataOrderDoesNotMatter() {
        assertThat(HashChain.link(HashChain.GENESIS, EVENT, Map.of("a", "1", "b", "2")))
                .isEqualTo(HashChain.link(HashChain.GENESIS, EVENT, new java.util.LinkedHashMap<>(
                        Map.of("b", "2", "a", "1"))));
    }

    @Property
    void changingAnyCoveredFieldChangesTheValue(@ForAll("edits") StoredEventBytes edited) {
        assertThat(HashChain.link(HashChain.GENESIS, edited, Map.of()))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, EVENT, Map.of()));
    }

    @Property
    void theValueDependsOnThePredecessor(@ForAll("hex") String previous) {
        org.junit.jupiter.api.Assumptions.assumeFalse(previous.equals(HashChain.GENESIS));
        assertThat(HashChain.link(previous, EVENT, Map.of()))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, EVENT, Map.of()));
    }

    @Example
    void movingBytesBetweenAdjacentFieldsChangesTheValue() {
        StoredEventBytes shifted = new StoredEventBytes("event-1", "Account", "account-", 3,
                "2026-11-23T08:00:00Z", "1contacts.Account.Opened", "1", "{\"name\":\"Acme\"}");
        assertThat(HashChain.link(HashChain.GENESIS, shifted, Map.of()))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, EVENT, Map.of()));
    }

    @Example
    void metaDataIsCovered() {
        assertThat(HashChain.link(HashChain.GENESIS, EVENT, Map.of("tenantId", "a")))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, EVENT, Map.of("tenantId", "b")));
    }

    @Provide
    Arbitrary<String> hex() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Provide
    Arbitrary<StoredEventBytes> edits() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(20);
        return Arbitraries.oneOf(
                text.filter(v -> !v.equals(EVENT.eventIdentifier())).map(v -> new StoredEventBytes(v, EVENT.aggregateType(),
                        EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), EVENT.timestamp(), EVENT.payloadType(),
                        EVENT.payloadRevision(), EVENT.payload())),
                text.filter(v -> !v.equals(EVENT.aggregateIdentifier())).map(v -> new StoredEventBytes(
                        EVENT.eventIdentifier(), EVENT.aggregateType(), v, EVENT.sequenceNumber(), EVENT.timestamp(),
                        EVENT.payloadType(), EVENT.payloadRevision(), EVENT.payload())),
                Arbitraries.longs().filter(v -> v != EVENT.sequenceNumber()).map(v -> new StoredEventBytes(
                        EVENT.eventIdentifier(), EVENT.aggregateType(), EVENT.aggregateIdentifier(), v,
                        EVENT.timestamp(), EVENT.payloadType(), EVENT.payloadRevision(), EVENT.payload())),
                text.filter(v -> !v.equals(EVENT.timestamp())).map(v -> new StoredEventBytes(EVENT.eventIdentifier(),
                        EVENT.aggregateType(), EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), v,
                        EVENT.payloadType(), EVENT.payloadRevision(), EVENT.payload())),
                text.filter(v -> !v.equals(EVENT.payload())).map(v -> new StoredEventBytes(EVENT.eventIdentifier(),
                        EVENT.aggregateType(), EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), EVENT.timestamp(),
                        EVENT.payloadType(), EVENT.payloadRevision(), v)));
    }
}
