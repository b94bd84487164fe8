package org.relationshipledger.mapping.accountmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.CarryOverMergedContact;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.AffinityRated;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.BuyingRoleAssigned;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.CoalitionChanged;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.CoalitionFormed;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.InterestRecorded;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.RelationshipChanged;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.ReportingLineSet;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;

/** "twin" was merged into "analyst" at contacts-service; mapping re-states twin's facts for analyst. */
class MergedContactCarryOverTest {

    static final String ACCOUNT = "acme";
    static final Instant T = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant MERGED_AT = Instant.parse("2026-11-20T09:00:00Z");

    static final Map<String, ContactStanding> STANDINGS = Map.of(
            "ceo", ContactStanding.ACTIVE, "vp", ContactStanding.ACTIVE, "analyst", ContactStanding.ACTIVE,
            "cfo", ContactStanding.ACTIVE, "gone", ContactStanding.LEFT, "twin", ContactStanding.MERGED);

    AggregateTestFixture<AccountMap> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(AccountMap.class);
        fixture.registerInjectableResource((ContactDirectory) (account, contact) -> ACCOUNT.equals(account)
                ? STANDINGS.getOrDefault(contact, ContactStanding.UNKNOWN) : ContactStanding.UNKNOWN);
    }

    static CarryOverMergedContact merge() {
        return new CarryOverMergedContact(ACCOUNT, "analyst", "twin", MERGED_AT);
    }

    static EventMessage<?> carried(Object payload) {
        return GenericEventMessage.asEventMessage(payload).withMetaData(MetaData.with(AccountMap.MERGED_FROM, "twin"));
    }

    static RelationshipChanged edge(String from, String to, RelationshipType type, int strength, Instant at) {
        return new RelationshipChanged(ACCOUNT, from, to, type, strength, RelationshipReason.TRUST, "note", null, at);
    }

    @Test
    void carriesLinesRelationshipsRoleInterestsCoalitionsAndAffinitiesOverAsNewEvents() {
        fixture.given(
                        new ReportingLineSet(ACCOUNT, "twin", "vp", ReportingLineKind.SOLID, T),
                        new ReportingLineSet(ACCOUNT, "cfo", "twin", ReportingLineKind.DOTTED, T),
                        edge("twin", "ceo", RelationshipType.DEFERS_TO, 4, T),
                        edge("vp", "twin", RelationshipType.INFLUENCES, 2, T),
                        new BuyingRoleAssigned(ACCOUNT, "twin", BuyingRole.CHAMPION, Stance.ALLY, T),
                        new InterestRecorded(ACCOUNT, "i1", "twin", InterestKind.NEED, Horizon.SHORT_TERM,
                                "faster close", T),
                        new CoalitionFormed(ACCOUNT, "c1", "Modernisers", CoalitionAlignment.ALIGNED,
                                List.of("ceo", "twin"), T),
                        new AffinityRated(ACCOUNT, "twin", "alice", 5, "former colleague", T))
                .when(merge())
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        carried(new ReportingLineSet(ACCOUNT, "analyst", "vp", ReportingLineKind.SOLID, MERGED_AT)),
                        carried(new ReportingLineSet(ACCOUNT, "cfo", "analyst", ReportingLineKind.DOTTED, MERGED_AT)),
                        carried(edge("analyst", "ceo", RelationshipType.DEFERS_TO, 4, MERGED_AT)),
                        carried(edge("vp", "analyst", RelationshipType.INFLUENCES, 2, MERGED_AT)),
                        carried(new BuyingRoleAssigned(ACCOUNT, "analyst", BuyingRole.CHAMPION, Stance.ALLY,
                                MERGED_AT)),
                        carried(new InterestRecorded(ACCOUNT, carriedInterestId("i1"), "analyst", InterestKind.NEED,
                                Horizon.SHORT_TERM, "faster close", MERGED_AT)),
                        carried(new CoalitionChanged(ACCOUNT, "c1", "Modernisers", CoalitionAlignment.ALIGNED,
                                List.of("ceo", "analyst"), MERGED_AT)),
                        carried(new AffinityRated(ACCOUNT, "analyst", "alice", 5, "former colleague", MERGED_AT)))
                .expectResultMessagePayloadMatching(skippedExactly());
    }

    @Test
    void leavesBehindWhatWouldBecomeASelfEdgeAndSaysSo() {
        fixture.given(
                        new ReportingLineSet(ACCOUNT, "twin", "analyst", ReportingLineKind.SOLID, T),
                        edge("analyst", "twin", RelationshipType.DEFERS_TO, 3, T))
                .when(merge())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(skippedExactly(
                        "reporting line analyst → analyst (SOLID): would make analyst report to themselves",
                        "analyst DEFERS_TO analyst (strength 3): would be a relationship of analyst with themselves"));
    }

    @Test
    void leavesBehindALineThatWouldCloseAReportingCycleAndNamesTheCycle() {
        fixture.given(
                        new ReportingLineSet(ACCOUNT, "vp", "analyst", ReportingLineKind.SOLID, T),
                        new ReportingLineSet(ACCOUNT, "twin", "vp", ReportingLineKind.SOLID, T))
                .when(merge())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(skippedExactly(
                        "reporting line analyst → vp (SOLID): would close the reporting cycle analyst → vp → analyst"));
    }

    @Test
    void keepsTheSurvivorsOwnRoleRelationshipAndRatingAndSkipsContactsWhoLeft() {
        fixture.given(
                        new BuyingRoleAssigned(ACCOUNT, "analyst", BuyingRole.USER, Stance.NEUTRAL, T),
                        new BuyingRoleAssigned(ACCOUNT, "twin", BuyingRole.CHAMPION, Stance.ALLY, T),
                        edge("analyst", "ceo", RelationshipType.DEFERS_TO, 1, T),
                        edge("twin", "ceo", RelationshipType.DEFERS_TO, 5, T),
                        edge("twin", "gone", RelationshipType.INFLUENCES, 5, T),
                        new AffinityRated(ACCOUNT, "analyst", "alice", 2, null, T),
                        new AffinityRated(ACCOUNT, "twin", "alice", 5, null, T))
                .when(merge())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(skippedExactly(
                        "analyst DEFERS_TO ceo (strength 5): analyst already has this relationship; it keeps its own",
                        "analyst INFLUENCES gone (strength 5): gone is no longer at the account",
                        "buying role CHAMPION, ALLY: analyst keeps their own role USER, NEUTRAL",
                        "alice's affinity 5: analyst keeps their own rating 2 by alice"));
    }

    @Test
    void recordsNothingWhenTheMergeIsCarriedOverAgain() {
        fixture.given(
                        new ReportingLineSet(ACCOUNT, "twin", "vp", ReportingLineKind.SOLID, T),
                        new InterestRecorded(ACCOUNT, "i1", "twin", InterestKind.FEAR, Horizon.LONG_TERM, "lock-in", T),
                        new CoalitionFormed(ACCOUNT, "c1", "Sceptics", CoalitionAlignment.OPPOSED, List.of("twin"), T),
                        new ReportingLineSet(ACCOUNT, "analyst", "vp", ReportingLineKind.SOLID, MERGED_AT),
                        new InterestRecorded(ACCOUNT, carriedInterestId("i1"), "analyst", InterestKind.FEAR,
                                Horizon.LONG_TERM, "lock-in", MERGED_AT),
                        new CoalitionChanged(ACCOUNT, "c1", "Sceptics", CoalitionAlignment.OPPOSED, List.of("analyst"),
                                MERGED_AT))
                .when(merge())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void carriesNothingToASurvivorWhoIsNoLongerAtTheAccount() {
        fixture.given(new ReportingLineSet(ACCOUNT, "twin", "vp", ReportingLineKind.SOLID, T))
                .when(new CarryOverMergedContact(ACCOUNT, "gone", "twin", MERGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(skippedExactly(
                        "everything: the surviving contact gone is left"));
    }

    @Test
    void keepsTheMergedContactsOwnHistory() {
        fixture.given(new ReportingLineSet(ACCOUNT, "twin", "vp", ReportingLineKind.SOLID, T))
                .when(merge())
                .expectState(map -> assertThat(map).extracting("state")
                        .satisfies(state -> assertThat(((MapState) state).line("twin", "vp")).isPresent()));
    }

    private static String carriedInterestId(String interestId) {
        return UUID.nameUUIDFromBytes((interestId + "→analyst").getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Matcher<MergeCarryOver> skippedExactly(String... reasons) {
        return new CustomTypeSafeMatcher<>("an outcome that left behind exactly " + List.of(reasons)) {
            @Override
            protected boolean matchesSafely(MergeCarryOver outcome) {
                return outcome.skipped().equals(List.of(reasons));
            }
        };
    }
}
