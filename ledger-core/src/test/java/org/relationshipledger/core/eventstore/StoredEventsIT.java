package org.relationshipledger.core.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.LedgerStoreFixture;
import org.relationshipledger.core.sample.SampleAccountEvent;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

@WithRealInfrastructure
class StoredEventsIT {

    private static final EventEntryConfiguration FIELDS = EventEntryConfiguration.getDefault();

    private LedgerStoreFixture store;
    private String account;

    @BeforeEach
    void threeStoredEvents() {
        store = new LedgerStoreFixture(RealInfrastructure.get());
        account = LedgerStoreFixture.newAccountId();
        store.appendStream(account, 3);
    }

    @Test
    void readsEventsStoredAtTheirCurrentRevisionExactlyAsAxonsUpcastingReadDoes() {
        List<DomainEventMessage<?>> direct = store.storedEvents().deserialize(store.storedEvents().stream(account));
        List<? extends DomainEventMessage<?>> axon = store.engine().readEvents(account).asStream().toList();

        assertThat(direct).hasSize(3);
        for (int i = 0; i < direct.size(); i++) {
            DomainEventMessage<?> read = direct.get(i);
            DomainEventMessage<?> expected = axon.get(i);
            assertThat(read.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(read.getType()).isEqualTo(expected.getType()).isEqualTo("SampleAccount");
            assertThat(read.getAggregateIdentifier()).isEqualTo(account);
            assertThat(read.getSequenceNumber()).isEqualTo(i);
            assertThat(read.getTimestamp()).isEqualTo(expected.getTimestamp());
            assertThat(read.getPayload()).isEqualTo(expected.getPayload());
            assertThat(read.getMetaData()).isEqualTo(expected.getMetaData()).containsKeys(ChainValues.HASH, "tenantId");
        }
    }

    @Test
    void upcastsAnEventStoredAtAnOlderRevision() {
        // Revision 0 of ValueChanged called the amount "value"; the current revision calls it "annualValue".
        Document stored = store.storedEvents().find(account, 1).orElseThrow();
        Document revisionZero = new Document(stored)
                .append(FIELDS.payloadRevisionProperty(), "0")
                .append(FIELDS.payloadProperty(), stored.getString(FIELDS.payloadProperty())
                        .replace("\"annualValue\"", "\"value\""));
        StoredEvents upcasting = new StoredEvents(store.storedEvents().collection(), store.serializer(),
                new ValueChanged0To1Upcaster());

        List<DomainEventMessage<?>> read = upcasting.deserialize(List.of(store.storedEvents().find(account, 0)
                .orElseThrow(), revisionZero));

        assertThat(read).extracting(DomainEventMessage::getPayload).last()
                .isEqualTo(new SampleAccountEvent.ValueChanged(account, BigDecimal.valueOf(1001),
                        ((SampleAccountEvent.ValueChanged) store.storedEvents()
                                .deserialize(List.of(stored)).getFirst().getPayload()).validFrom()));
    }

    @Test
    void findsEveryRequestedEventWhateverTheNumberOfIds() {
        List<String> streams = IntStream.range(0, 200).mapToObj(i -> LedgerStoreFixture.newAccountId()).toList();
        streams.forEach(stream -> store.appendStream(stream, 3));
        List<String> ids = new ArrayList<>();
        streams.forEach(stream -> IntStream.range(0, 4).forEach(sequence -> ids.add(StoredEvents.id(stream, sequence))));

        assertThat(store.storedEvents().find(ids)).hasSize(600)
                .extracting(document -> document.getString("_id")).doesNotHaveDuplicates()
                .allMatch(id -> !id.endsWith(":3"));
    }

    private static final class ValueChanged0To1Upcaster extends SingleEventUpcaster {

        private static final SimpleSerializedType FROM = new SimpleSerializedType("sample.SampleAccount.ValueChanged", "0");
        private static final SimpleSerializedType TO = new SimpleSerializedType("sample.SampleAccount.ValueChanged", "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return FROM.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(TO, JsonNode.class, payload -> {
                ObjectNode copy = ((ObjectNode) payload).deepCopy();
                copy.set("annualValue", copy.remove("value"));
                return copy;
            });
        }
    }
}
