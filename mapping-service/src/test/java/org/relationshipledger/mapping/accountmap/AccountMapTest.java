package org.relationshipledger.mapping.accountmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.AssignBuyingRole;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.ChangeCoalition;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.ChangeRelationship;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.EndRelationship;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.FormCoalition;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.RateAffinity;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.RecordInterest;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.RemoveReportingLine;
import org.relationshipledger.mapping.accountmap.AccountMapCommand.SetReportingLine;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.AffinityRated;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.BuyingRoleAssigned;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.CoalitionChanged;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.CoalitionFormed;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.InterestRecorded;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.RelationshipChanged;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.RelationshipEnded;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.ReportingLineRemoved;
import org.relationshipledger.mapping.accountmap.AccountMapEvent.ReportingLineSet;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;

class AccountMapTest {

    static final String ACCOUNT = "acme";
    static final Instant T = Instant.parse("2026-11-01T09:00:00Z");

    /** ceo, vp, analyst, cfo are at the account; gone has left; erased was erased; stranger belongs elsewhere. */
    static final Map<String, ContactStanding> STANDINGS = Map.of(
            "ceo", ContactStanding.ACTIVE, "vp", ContactStanding.ACTIVE, "analyst", ContactStanding.ACTIVE,
            "cfo", ContactStanding.ACTIVE, "gone", ContactStanding.LEFT, "erased", ContactStanding.ERASED,
            "twin", ContactStanding.MERGED);

    AggregateTestFixture<AccountMap> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(AccountMap.class);
        ContactDirectory directory = (account, contact) -> ACCOUNT.equals(account)
                ? STANDINGS.getOrDefault(contact, ContactStanding.UNKNOWN) : ContactStanding.UNKNOWN;
        fixture.registerInjectableResource(directory);
    }

    static ReportingLineSet line(String contact, String manager) {
        return new ReportingLineSet(ACCOUNT, contact, manager, ReportingLineKind.SOLID, T);
    }

    static RelationshipChanged edge(String from, String to, RelationshipType type, int strength) {
        return new RelationshipChanged(ACCOUNT, from, to, type, strength, RelationshipReason.AUTHORITY, null, null, T);
    }

    static boolean violation(Throwable thrown, RuleViolation.Kind kind, String field) {
        return thrown instanceof RuleViolation v && v.kind() == kind && field.equals(v.field());
    }

    @Nested
    class SetReportingLineCommand {

        @Test
        void recordsTheFirstLineOfANewMap() {
            fixture.givenNoPriorActivity()
                    .when(new SetReportingLine(ACCOUNT, "vp", "ceo", ReportingLineKind.SOLID, T))
                    .expectEvents(line("vp", "ceo"));
        }

        @Test
        void allowsSeveralManagersSolidAndDotted() {
            fixture.given(line("analyst", "vp"))
                    .when(new SetReportingLine(ACCOUNT, "analyst", "cfo", ReportingLineKind.DOTTED, T))
                    .expectEvents(new ReportingLineSet(ACCOUNT, "analyst", "cfo", ReportingLineKind.DOTTED, T));
        }

        @Test
        void rejectsALineThatWouldCloseACycleAndNamesTheCycle() {
            fixture.given(line("analyst", "vp"), line("vp", "ceo"))
                    .when(new SetReportingLine(ACCOUNT, "ceo", "analyst", ReportingLineKind.DOTTED, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("this line would close the reporting cycle ceo → analyst → vp → ceo");
        }

        @Test
        void rejectsAContactReportingToThemselves() {
            fixture.givenNoPriorActivity()
                    .when(new SetReportingLine(ACCOUNT, "vp", "vp", ReportingLineKind.SOLID, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void rejectsAnUnknownContactAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new SetReportingLine(ACCOUNT, "nobody", "ceo", ReportingLineKind.SOLID, T))
                    .expectNoEvents()
                    .expectExceptionMessage("nobody is not a contact of account acme");
        }

        @Test
        void rejectsAContactWhoLeftAsAConflict() {
            fixture.givenNoPriorActivity()
                    .when(new SetReportingLine(ACCOUNT, "vp", "gone", ReportingLineKind.SOLID, T))
                    .expectNoEvents()
                    .expectExceptionMessage("gone has left account acme");
        }

        @Test
        void rejectsAContactOfAnotherAccount() {
            fixture.givenNoPriorActivity()
                    .when(new SetReportingLine("other", "vp", "ceo", ReportingLineKind.SOLID, T))
                    .expectNoEvents()
                    .expectExceptionMessage("vp is not a contact of account other");
        }

        @Test
        void ignoresALineThatIsAlreadyThere() {
            fixture.given(line("vp", "ceo"))
                    .when(new SetReportingLine(ACCOUNT, "vp", "ceo", ReportingLineKind.SOLID, T))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RemoveReportingLineCommand {

        @Test
        void removesAnExistingLine() {
            fixture.given(line("vp", "ceo"))
                    .when(new RemoveReportingLine(ACCOUNT, "vp", "ceo", T))
                    .expectEvents(new ReportingLineRemoved(ACCOUNT, "vp", "ceo", T));
        }

        @Test
        void refusesToRemoveALineThatDoesNotExist() {
            fixture.given(line("vp", "ceo"))
                    .when(new RemoveReportingLine(ACCOUNT, "ceo", "vp", T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void letsAFormerCycleLineBeSetOnceTheLineClosingItIsRemoved() {
            fixture.given(line("analyst", "vp"), line("vp", "ceo"),
                            new ReportingLineRemoved(ACCOUNT, "vp", "ceo", T))
                    .when(new SetReportingLine(ACCOUNT, "ceo", "analyst", ReportingLineKind.SOLID, T))
                    .expectEvents(line("ceo", "analyst"));
        }
    }

    @Nested
    class ChangeRelationshipCommand {

        @Test
        void recordsARelationshipWithReasonAndEvidence() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeRelationship(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 5,
                            RelationshipReason.EXPERTISE, "runs the platform", "steering committee minutes", T))
                    .expectEvents(new RelationshipChanged(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 5,
                            RelationshipReason.EXPERTISE, "runs the platform", "steering committee minutes", T));
        }

        @Test
        void reRatesAnExistingRelationship() {
            fixture.given(edge("ceo", "vp", RelationshipType.DEFERS_TO, 2))
                    .when(new ChangeRelationship(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 4,
                            RelationshipReason.AUTHORITY, null, null, T))
                    .expectEvents(edge("ceo", "vp", RelationshipType.DEFERS_TO, 4));
        }

        @Test
        void recordsNothingWhenTheSameRelationshipIsStatedAgain() {
            fixture.given(edge("ceo", "vp", RelationshipType.DEFERS_TO, 2))
                    .when(new ChangeRelationship(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 2,
                            RelationshipReason.AUTHORITY, null, null, T.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsNewEvidenceForAnUnchangedStrength() {
            fixture.given(edge("ceo", "vp", RelationshipType.DEFERS_TO, 2))
                    .when(new ChangeRelationship(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 2,
                            RelationshipReason.AUTHORITY, null, "board minutes", T))
                    .expectEvents(new RelationshipChanged(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, 2,
                            RelationshipReason.AUTHORITY, null, "board minutes", T));
        }

        @Test
        void rejectsASelfRelationship() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeRelationship(ACCOUNT, "vp", "vp", RelationshipType.INFLUENCES, 3,
                            RelationshipReason.TRUST, null, null, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("a contact cannot have a relationship with themselves");
        }

        @Test
        void rejectsStrengthZeroAndNine() {
            for (int strength : new int[] {0, 9}) {
                fixture.givenNoPriorActivity()
                        .when(new ChangeRelationship(ACCOUNT, "ceo", "vp", RelationshipType.OPPOSES, strength,
                                RelationshipReason.PAST_CONFLICT, null, null, T))
                        .expectNoEvents()
                        .expectExceptionMessage("strength must be between 1 and 5, was " + strength);
            }
        }

        @Test
        void rejectsAnErasedContact() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeRelationship(ACCOUNT, "erased", "vp", RelationshipType.INFLUENCES, 3,
                            RelationshipReason.TRUST, null, null, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class EndRelationshipCommand {

        @Test
        void endsAnExistingRelationship() {
            fixture.given(edge("ceo", "vp", RelationshipType.DEFERS_TO, 2))
                    .when(new EndRelationship(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, T))
                    .expectEvents(new RelationshipEnded(ACCOUNT, "ceo", "vp", RelationshipType.DEFERS_TO, T));
        }

        @Test
        void refusesToEndARelationshipOfAnotherType() {
            fixture.given(edge("ceo", "vp", RelationshipType.DEFERS_TO, 2))
                    .when(new EndRelationship(ACCOUNT, "ceo", "vp", RelationshipType.INFLUENCES, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class AssignBuyingRoleCommand {

        @Test
        void assignsRoleAndStance() {
            fixture.givenNoPriorActivity()
                    .when(new AssignBuyingRole(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, T))
                    .expectEvents(new BuyingRoleAssigned(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, T));
        }

        @Test
        void recordsNothingWhenTheSameRoleAndStanceAreAssignedAgain() {
            fixture.given(new BuyingRoleAssigned(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, T))
                    .when(new AssignBuyingRole(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, T))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAChangedStance() {
            fixture.given(new BuyingRoleAssigned(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL, T))
                    .when(new AssignBuyingRole(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.ALLY, T))
                    .expectEvents(new BuyingRoleAssigned(ACCOUNT, "ceo", BuyingRole.DECISION_MAKER, Stance.ALLY, T));
        }

        @Test
        void rejectsAMergedContact() {
            fixture.givenNoPriorActivity()
                    .when(new AssignBuyingRole(ACCOUNT, "twin", BuyingRole.USER, Stance.ALLY, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class RecordInterestCommand {

        @Test
        void recordsANeedWithItsHorizon() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterest(ACCOUNT, "i1", "cfo", InterestKind.NEED, Horizon.SHORT_TERM,
                            "cut close time to 3 days", T))
                    .expectEvents(new InterestRecorded(ACCOUNT, "i1", "cfo", InterestKind.NEED, Horizon.SHORT_TERM,
                            "cut close time to 3 days", T));
        }

        @Test
        void answersWithTheRecordedInterestWhenTheSameWordsAreRecordedAgain() {
            fixture.given(new InterestRecorded(ACCOUNT, "i1", "cfo", InterestKind.NEED, Horizon.SHORT_TERM,
                            "cut close time to 3 days", T))
                    .when(new RecordInterest(ACCOUNT, "i2", "cfo", InterestKind.NEED, Horizon.SHORT_TERM,
                            "cut close time to 3 days", T))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload("i1")
                    .expectNoEvents();
        }

        @Test
        void refusesAnInterestIdAlreadyUsedForOtherWords() {
            fixture.given(new InterestRecorded(ACCOUNT, "i1", "cfo", InterestKind.NEED, Horizon.SHORT_TERM,
                            "cut close time to 3 days", T))
                    .when(new RecordInterest(ACCOUNT, "i1", "cfo", InterestKind.FEAR, Horizon.SHORT_TERM,
                            "audit findings", T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }

        @Test
        void rejectsABlankText() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterest(ACCOUNT, "i1", "cfo", InterestKind.FEAR, Horizon.LONG_TERM, " ", T))
                    .expectNoEvents()
                    .expectExceptionMessage("text is required");
        }
    }

    @Nested
    class FormCoalitionCommand {

        @Test
        void formsACoalitionOfDistinctMembers() {
            fixture.givenNoPriorActivity()
                    .when(new FormCoalition(ACCOUNT, "c1", "Finance modernisers", CoalitionAlignment.ALIGNED,
                            List.of("cfo", "analyst", "cfo"), T))
                    .expectEvents(new CoalitionFormed(ACCOUNT, "c1", "Finance modernisers", CoalitionAlignment.ALIGNED,
                            List.of("cfo", "analyst"), T));
        }

        @Test
        void answersWithTheExistingCoalitionWhenTheSameOneIsFormedAgain() {
            fixture.given(new CoalitionFormed(ACCOUNT, "c1", "Finance modernisers", CoalitionAlignment.ALIGNED,
                            List.of("cfo", "analyst"), T))
                    .when(new FormCoalition(ACCOUNT, "c2", "Finance modernisers", CoalitionAlignment.ALIGNED,
                            List.of("analyst", "cfo"), T))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload("c1")
                    .expectNoEvents();
        }

        @Test
        void rejectsAMemberWhoLeft() {
            fixture.givenNoPriorActivity()
                    .when(new FormCoalition(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "gone"), T))
                    .expectNoEvents()
                    .expectExceptionMessage("gone has left account acme");
        }
    }

    @Nested
    class ChangeCoalitionCommand {

        @Test
        void replacesTheCoalitionsMembers() {
            fixture.given(new CoalitionFormed(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED, List.of("ceo"), T))
                    .when(new ChangeCoalition(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T))
                    .expectEvents(new CoalitionChanged(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T));
        }

        @Test
        void recordsNothingWhenTheSameMembersAreStatedAgainInAnotherOrder() {
            fixture.given(new CoalitionFormed(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T))
                    .when(new ChangeCoalition(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("vp", "ceo", "vp"), T))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsARenameWithTheSameMembers() {
            fixture.given(new CoalitionFormed(ACCOUNT, "c1", "Old guard", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T))
                    .when(new ChangeCoalition(ACCOUNT, "c1", "Sceptics", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T))
                    .expectEvents(new CoalitionChanged(ACCOUNT, "c1", "Sceptics", CoalitionAlignment.OPPOSED,
                            List.of("ceo", "vp"), T));
        }

        @Test
        void refusesToChangeAnUnknownCoalition() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeCoalition(ACCOUNT, "c9", "x", CoalitionAlignment.ALIGNED, List.of("ceo"), T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class RateAffinityCommand {

        @Test
        void keepsEachTeamMembersRatingSideBySide() {
            fixture.given(new AffinityRated(ACCOUNT, "analyst", "alice", 5, "former colleague", T))
                    .when(new RateAffinity(ACCOUNT, "analyst", "bob", 2, null, T))
                    .expectEvents(new AffinityRated(ACCOUNT, "analyst", "bob", 2, null, T))
                    .expectState(map -> assertThat(map).extracting("state", type(MapState.class))
                            .satisfies(state -> assertThat(state.affinities("analyst"))
                                    .extracting(MapState.Affinity::teamMemberId, MapState.Affinity::score)
                                    .containsExactly(tuple("alice", 5), tuple("bob", 2))));
        }

        @Test
        void recordsNothingWhenTheSameScoreAndNoteAreRatedAgain() {
            fixture.given(new AffinityRated(ACCOUNT, "analyst", "alice", 5, "former colleague", T))
                    .when(new RateAffinity(ACCOUNT, "analyst", "alice", 5, "former colleague", T))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsANewNoteForAnUnchangedScore() {
            fixture.given(new AffinityRated(ACCOUNT, "analyst", "alice", 5, "former colleague", T))
                    .when(new RateAffinity(ACCOUNT, "analyst", "alice", 5, "former colleague, met at the summit", T))
                    .expectEvents(new AffinityRated(ACCOUNT, "analyst", "alice", 5,
                            "former colleague, met at the summit", T));
        }

        @Test
        void rejectsAScoreOutsideZeroToFive() {
            fixture.givenNoPriorActivity()
                    .when(new RateAffinity(ACCOUNT, "analyst", "bob", 6, null, T))
                    .expectNoEvents()
                    .expectException(RuleViolation.class);
        }
    }
}
