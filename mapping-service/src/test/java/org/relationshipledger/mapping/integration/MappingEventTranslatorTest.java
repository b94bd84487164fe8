package org.relationshipledger.mapping.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.eventstore.StoredEventTypes;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.mapping.MappingApplication;
import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.CoalitionAlignment;
import org.relationshipledger.mapping.accountmap.Horizon;
import org.relationshipledger.mapping.accountmap.InterestKind;
import org.relationshipledger.mapping.accountmap.RelationshipReason;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;

class MappingEventTranslatorTest {

    static final Instant T = Instant.parse("2026-11-01T09:00:00Z");

    final MappingEventTranslator translator = new MappingEventTranslator();

    List<Outbound> translate(AccountMapEvent event) {
        return translator.translate(new GenericDomainEventMessage<>("AccountMap", event.accountId(), 0, event));
    }

    @Test
    void publishesARelationshipOnTheMappingTopicKeyedByAccountWithoutTheEvidenceNote() {
        List<Outbound> out = translate(new AccountMapEvent.RelationshipChanged("acme", "ceo", "vp",
                RelationshipType.DEFERS_TO, 5, RelationshipReason.EXPERTISE, "platform", "minutes of 3 May", T));

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.topic()).isEqualTo(Topics.MAPPING);
            assertThat(o.key()).isEqualTo("acme");
            assertThat(o.type()).isEqualTo("mapping.RelationshipChanged");
            assertThat(o.payload()).isEqualTo(new MappingEvent.RelationshipChanged("acme", "ceo", "vp",
                    MappingEvent.RelationshipType.DEFERS_TO, 5, MappingEvent.RelationshipReason.EXPERTISE, "platform", T));
        });
    }

    @Test
    void publishesCoalitionsAndAffinitiesInThePublishedLanguage() {
        assertThat(translate(new AccountMapEvent.CoalitionChanged("acme", "k1", "Modernisers",
                CoalitionAlignment.ALIGNED, List.of("vp"), T))).singleElement()
                .extracting(Outbound::payload).isEqualTo(new MappingEvent.CoalitionChanged("acme", "k1", "Modernisers",
                        MappingEvent.CoalitionAlignment.ALIGNED, List.of("vp"), T));
        assertThat(translate(new AccountMapEvent.AffinityRated("acme", "vp", "alice", 4, null, T))).singleElement()
                .extracting(Outbound::payload)
                .isEqualTo(new MappingEvent.AffinityRated("acme", "vp", "alice", 4, null, T));
    }

    @Test
    void publishesAnInterestWithoutItsText() {
        assertThat(translate(new AccountMapEvent.InterestRecorded("acme", "i1", "cfo", InterestKind.FEAR,
                Horizon.LONG_TERM, "losing the audit", T))).singleElement().satisfies(o -> {
                    assertThat(o.type()).isEqualTo("mapping.InterestRecorded");
                    assertThat(o.payload()).isEqualTo(new MappingEvent.InterestRecorded("acme", "i1", "cfo",
                            MappingEvent.InterestKind.FEAR, MappingEvent.InterestHorizon.LONG_TERM, T));
                });
    }

    @Test
    void everyInterestKindAndHorizonHasAPublishedCounterpart() {
        for (InterestKind kind : InterestKind.values()) {
            assertThat(MappingEvent.InterestKind.valueOf(kind.name()).name()).isEqualTo(kind.name());
        }
        for (Horizon horizon : Horizon.values()) {
            assertThat(MappingEvent.InterestHorizon.valueOf(horizon.name()).name()).isEqualTo(horizon.name());
        }
    }

    /**
     * Auditors check each stream's chain on the topic (ADR 0044): a stored event that publishes nothing is a
     * sequence gap. So every type the account map can store gets a sample here, and each yields exactly one record.
     */
    @Test
    void hasASampleOfEveryEventTheAccountMapStores() {
        assertThat(everyStoredEvent().map(Object::getClass).toList())
                .as("one sample per stored event type: add a sample for a new event and publish it")
                .containsExactlyInAnyOrderElementsOf(storedEventTypes());
    }

    @ParameterizedTest
    @MethodSource("everyStoredEvent")
    void publishesEveryStoredEventAsExactlyOneRecordOnTheMappingTopic(AccountMapEvent event) {
        assertThat(translate(event)).as(event.getClass().getSimpleName()).singleElement().satisfies(o -> {
            assertThat(o.topic()).isEqualTo(Topics.MAPPING);
            assertThat(o.key()).isEqualTo(event.accountId());
            assertThat(o.payload()).isInstanceOf(MappingEvent.class);
            assertThat(o.type()).isEqualTo(EventCatalog.wireName(o.payload().getClass()));
            assertThat(((IntegrationEvent) o.payload()).accountId()).isEqualTo(event.accountId());
        });
    }

    static Stream<AccountMapEvent> everyStoredEvent() {
        return Stream.of(
                new AccountMapEvent.ReportingLineSet("acme", "vp", "ceo", ReportingLineKind.SOLID, T),
                new AccountMapEvent.ReportingLineRemoved("acme", "vp", "ceo", T),
                new AccountMapEvent.RelationshipChanged("acme", "ceo", "vp", RelationshipType.DEFERS_TO, 5,
                        RelationshipReason.EXPERTISE, "platform", "minutes of 3 May", T),
                new AccountMapEvent.RelationshipEnded("acme", "ceo", "vp", RelationshipType.DEFERS_TO, T),
                new AccountMapEvent.BuyingRoleAssigned("acme", "cfo", BuyingRole.ECONOMIC_BUYER, Stance.NEUTRAL, T),
                new AccountMapEvent.InterestRecorded("acme", "i1", "cfo", InterestKind.CONCERN, Horizon.MID_TERM,
                        "audit findings", T),
                new AccountMapEvent.CoalitionFormed("acme", "k1", "Modernisers", CoalitionAlignment.ALIGNED,
                        List.of("vp", "analyst"), T),
                new AccountMapEvent.CoalitionChanged("acme", "k1", "Modernisers", CoalitionAlignment.OPPOSED,
                        List.of("vp"), T),
                new AccountMapEvent.AffinityRated("acme", "vp", "alice", 0, null, T));
    }

    /** What the serializer lets mapping store: every {@code @EventType} class in its packages, whatever family. */
    static List<Class<?>> storedEventTypes() {
        return StoredEventTypes.in(MappingApplication.class.getPackageName());
    }

    @Test
    void publishesNothingForEventsThatAreNotTheAccountMaps() {
        assertThat(translator.translate(new GenericDomainEventMessage<>("Other", "x", 0, "something"))).isEmpty();
    }
}
