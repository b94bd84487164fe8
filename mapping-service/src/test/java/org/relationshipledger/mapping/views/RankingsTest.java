package org.relationshipledger.mapping.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.Stance;

class RankingsTest {

    static Story account() {
        return new Story().contacts("ceo", "cfo", "vp", "analyst", "rival")
                .role("ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL)
                .role("cfo", BuyingRole.ECONOMIC_BUYER, Stance.OPPONENT)
                .role("analyst", BuyingRole.CHAMPION, Stance.ALLY)
                .role("rival", BuyingRole.BLOCKER, Stance.OPPONENT)
                .relationship("ceo", RelationshipType.DEFERS_TO, "vp", 5)
                .relationship("cfo", RelationshipType.DEFERS_TO, "vp", 4)
                .relationship("analyst", RelationshipType.INFLUENCES, "cfo", 2)
                .relationship("rival", RelationshipType.OPPOSES, "analyst", 5)
                .affinity("analyst", "alice", 5).affinity("cfo", "bob", 3);
    }

    @Test
    void ranksTheContactOthersDeferToFirstAndMarksDecisionMakerAndEconomicBuyer() {
        PowerRanking.View ranking = PowerRanking.of(account().now());

        assertThat(ranking.ranking().getFirst().contactId()).isEqualTo("vp");
        assertThat(ranking.ranking().getFirst().influence()).isEqualTo(1.0);
        assertThat(ranking.ranking()).filteredOn(PowerRanking.Entry::decisionMaker)
                .extracting(PowerRanking.Entry::contactId).containsExactly("ceo");
        assertThat(ranking.ranking()).filteredOn(PowerRanking.Entry::economicBuyer)
                .extracting(PowerRanking.Entry::contactId).containsExactly("cfo");
    }

    @Test
    void creditsTheInfluencerNotTheInfluenced() {
        Story story = new Story().contacts("a", "b").relationship("a", RelationshipType.INFLUENCES, "b", 5);

        assertThat(PowerRanking.of(story.now()).ranking().getFirst().contactId()).isEqualTo("a");
    }

    @Test
    void bootstrappingStartsWhereOurTeamIsStrongest() {
        ApproachPlan.View plan = ApproachPlan.of(account().now(), ApproachPlan.Strategy.BOOTSTRAPPING);

        assertThat(plan.steps()).extracting(ApproachPlan.Step::contactId).startsWith("analyst", "cfo");
        assertThat(plan.steps().getFirst().why()).startsWith("alice knows them (affinity 5); ally");
    }

    @Test
    void pyramidingStartsAtTheTopOfThePowerRanking() {
        ApproachPlan.View plan = ApproachPlan.of(account().now(), ApproachPlan.Strategy.PYRAMIDING);

        assertThat(plan.steps().getFirst().contactId()).isEqualTo("vp");
        assertThat(plan.steps().getFirst().why()).startsWith("influence 1.00");
    }

    @Test
    void coverageListsDecisionRelevantContactsWithoutAffinityOfThree() {
        Coverage.View coverage = Coverage.of(account().now());

        assertThat(coverage.gaps()).extracting(Coverage.Entry::contactId).containsExactly("ceo", "rival");
        assertThat(coverage.covered()).extracting(Coverage.Entry::contactId).containsExactly("cfo", "analyst");
    }

    @Test
    void heatIsPositiveForAnAllyWeKnowAndNegativeForAnInfluentialOpponent() {
        InfluenceMap.View map = InfluenceMap.of(account().relationship("vp", RelationshipType.DEFERS_TO, "cfo", 5).now());

        assertThat(map.nodes()).filteredOn(n -> n.contactId().equals("analyst")).singleElement()
                .satisfies(n -> assertThat(n.heat()).isPositive());
        assertThat(map.nodes()).filteredOn(n -> n.contactId().equals("cfo")).singleElement()
                .satisfies(n -> assertThat(n.heat()).isNegative());
        assertThat(map.edges()).hasSize(5);
    }
}
