package org.relationshipledger.core.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.sample.SampleAccountEvent;

class WireNameSerializerTest {

    private final WireNameSerializer serializer = new WireNameSerializer(JacksonSerializer.builder()
            .objectMapper(LedgerJson.mapper()).revisionResolver(WireNameSerializer.revisionResolver()).build(),
            List.of(SampleAccountEvent.Opened.class, SampleAccountEvent.ValueChanged.class));

    @Test
    void storesAnEventUnderItsWireNameAndRevisionNotItsClassName() {
        SerializedObject<String> stored = serializer.serialize(
                new SampleAccountEvent.ValueChanged("a-1", BigDecimal.TEN, Instant.parse("2026-01-01T00:00:00Z")),
                String.class);

        assertThat(stored.getType().getName()).isEqualTo("sample.SampleAccount.ValueChanged");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(stored.getData()).contains("\"validFrom\":\"2026-01-01T00:00:00Z\"");
    }

    @Test
    void readsAStoredEventBackByWireName() {
        SampleAccountEvent.Opened opened = new SampleAccountEvent.Opened("a-1", "Acme", Instant.parse("2026-01-01T00:00:00Z"));
        Object read = serializer.deserialize(serializer.serialize(opened, String.class));

        assertThat(read).isEqualTo(opened);
        assertThat(serializer.classForType(new SimpleSerializedType("sample.SampleAccount.Opened", "1")))
                .isEqualTo(SampleAccountEvent.Opened.class);
    }

    @Test
    void readsStoredJsonWithFieldsItDoesNotKnowAdditiveFieldsKeepTheirRevision() {
        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                "{\"accountId\":\"a-1\",\"name\":\"Acme\",\"validFrom\":\"2026-01-01T00:00:00Z\",\"addedLater\":true}",
                String.class, "sample.SampleAccount.Opened", "1"));

        assertThat(read).isEqualTo(new SampleAccountEvent.Opened("a-1", "Acme", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void refusesTwoClassesClaimingOneWireName() {
        assertThatThrownBy(() -> serializer.register(Impostor.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sample.SampleAccount.Opened");
    }

    @EventType(name = "sample.SampleAccount.Opened")
    record Impostor(String accountId) {
    }
}
