package org.relationshipledger.mapping.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.Stance;

class BackwardMappingTest {

    static Story theStory() {
        return new Story().contacts("ceo", "vp", "analyst", "cfo")
                .role("ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL)
                .relationship("ceo", RelationshipType.DEFERS_TO, "vp", 4)
                .relationship("vp", RelationshipType.DEFERS_TO, "analyst", 5)
                .affinity("analyst", "alice", 5).affinity("analyst", "bob", 1);
    }

    @Test
    void followsDeferenceFromTheDecisionMakerToTheAnalystOurTeamKnowsWell() {
        BackwardMapping.View view = BackwardMapping.of(theStory().now(), null, 4, 5);

        assertThat(view.fromContactId()).isEqualTo("ceo");
        assertThat(view.reason()).isNull();
        BackwardMapping.Path path = view.paths().getFirst();
        assertThat(path.targetContactId()).isEqualTo("analyst");
        assertThat(path.teamMemberId()).isEqualTo("alice");
        assertThat(path.steps()).extracting(BackwardMapping.Step::contactId, BackwardMapping.Step::nextContactId,
                        BackwardMapping.Step::relationship)
                .containsExactly(tuple("ceo", "vp", RelationshipType.DEFERS_TO),
                        tuple("vp", "analyst", RelationshipType.DEFERS_TO));
        assertThat(path.steps().getFirst().says()).isEqualTo("Title of ceo defers to Title of vp (strength 4, AUTHORITY)");
    }

    @Test
    void followsWhoInfluencesTheDecisionMaker() {
        Story story = new Story().contacts("ceo", "advisor")
                .role("ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL)
                .relationship("advisor", RelationshipType.INFLUENCES, "ceo", 3)
                .affinity("advisor", "carol", 4);

        BackwardMapping.Path path = BackwardMapping.of(story.now(), null, 4, 5).paths().getFirst();

        assertThat(path.targetContactId()).isEqualTo("advisor");
        assertThat(path.steps().getFirst().says()).startsWith("Title of advisor influences Title of ceo");
    }

    @Test
    void putsShorterPathsFirstThenHigherAffinityThenStrongerEdges() {
        Story story = new Story().contacts("ceo", "a", "b", "c", "d", "far")
                .role("ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL)
                .relationship("ceo", RelationshipType.DEFERS_TO, "a", 2).affinity("a", "t1", 4)
                .relationship("ceo", RelationshipType.DEFERS_TO, "b", 5).affinity("b", "t2", 4)
                .relationship("ceo", RelationshipType.DEFERS_TO, "c", 1).affinity("c", "t3", 5)
                .relationship("ceo", RelationshipType.DEFERS_TO, "d", 5)
                .relationship("d", RelationshipType.DEFERS_TO, "far", 5).affinity("far", "t4", 5);

        BackwardMapping.View view = BackwardMapping.of(story.now(), null, 4, 5);

        assertThat(view.paths()).extracting(BackwardMapping.Path::targetContactId).containsExactly("c", "b", "a", "far");
    }

    @Test
    void stopsAtTheFirstContactOurTeamKnowsWell() {
        Story story = theStory().affinity("vp", "dave", 4);

        BackwardMapping.View view = BackwardMapping.of(story.now(), null, 4, 5);

        assertThat(view.paths()).extracting(BackwardMapping.Path::targetContactId).containsExactly("vp");
    }

    @Test
    void answersEmptyWithAReasonWhenNoPathExists() {
        Story story = theStory().affinity("analyst", "alice", 3);

        BackwardMapping.View view = BackwardMapping.of(story.now(), null, 4, 5);

        assertThat(view.paths()).isEmpty();
        assertThat(view.reason()).isEqualTo(
                "no contact with team affinity ≥ 4 can be reached from ceo by deference or influence");
    }

    @Test
    void answersEmptyWithAReasonWhenNoDecisionMakerIsRecorded() {
        BackwardMapping.View view = BackwardMapping.of(new Story().contacts("ceo").now(), null, 4, 5);

        assertThat(view.paths()).isEmpty();
        assertThat(view.reason()).startsWith("no decision maker is recorded");
    }

    @Test
    void honoursAConfiguredThreshold() {
        Story story = theStory().affinity("vp", "dave", 3);

        assertThat(BackwardMapping.of(story.now(), null, 3, 5).paths().getFirst().targetContactId()).isEqualTo("vp");
    }

    @Test
    void ignoresOpposition() {
        Story story = new Story().contacts("ceo", "rival").role("ceo", BuyingRole.DECISION_MAKER, Stance.ALLY)
                .relationship("ceo", RelationshipType.OPPOSES, "rival", 5).affinity("rival", "alice", 5);

        assertThat(BackwardMapping.of(story.now(), null, 4, 5).paths()).isEmpty();
    }
}
