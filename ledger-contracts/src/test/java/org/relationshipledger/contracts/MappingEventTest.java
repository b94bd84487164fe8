package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.contracts.MappingEvent.CoalitionAlignment;
import org.relationshipledger.contracts.MappingEvent.CoalitionFormed;
import org.relationshipledger.contracts.MappingEvent.InterestHorizon;
import org.relationshipledger.contracts.MappingEvent.InterestKind;
import org.relationshipledger.contracts.MappingEvent.InterestRecorded;
import org.relationshipledger.contracts.MappingEvent.RelationshipChanged;
import org.relationshipledger.contracts.MappingEvent.RelationshipEnded;
import org.relationshipledger.contracts.MappingEvent.RelationshipReason;
import org.relationshipledger.contracts.MappingEvent.RelationshipType;
import org.relationshipledger.contracts.MappingEvent.ReportingLineKind;
import org.relationshipledger.contracts.MappingEvent.ReportingLineSet;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingEventTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String CFO = "3c6e0b8a-9c15-4a2f-8d7e-1f2a3b4c5d6e";
    private static final String BUYER = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String TEAM_MEMBER = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private static final String INTEREST = "e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b";
    private static final Instant AT = Instant.parse("2026-02-10T10:00:00Z");

    private static RelationshipChanged relationship(String from, String to, int strength) {
        return new RelationshipChanged(ACCOUNT, from, to, RelationshipType.DEFERS_TO, strength,
                RelationshipReason.EXPERTISE, null, AT);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 6, 42})
    void rejectsARelationshipStrengthOutsideOneToFive(int strength) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> relationship(CFO, BUYER, strength))
                .withMessage("strength must be between 1 and 5, was " + strength);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void acceptsTheWeakestAndStrongestRelationship(int strength) {
        assertThat(relationship(CFO, BUYER, strength).strength()).isEqualTo(strength);
    }

    @Test
    void rejectsARelationshipOfAContactWithThemselves() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> relationship(CFO, CFO, 3))
                .withMessageContaining("fromContactId and toContactId must differ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RelationshipEnded(ACCOUNT, CFO, CFO, RelationshipType.OPPOSES, AT));
    }

    @Test
    void rejectsAReportingLineToOneself() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportingLineSet(ACCOUNT, BUYER, BUYER, ReportingLineKind.SOLID, AT))
                .withMessageContaining("contactId and managerId must differ");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 6})
    void rejectsAnAffinityOutsideZeroToFive(int score) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AffinityRated(ACCOUNT, BUYER, TEAM_MEMBER, score, null, AT))
                .withMessage("score must be between 0 and 5, was " + score);
    }

    @Test
    void acceptsAnAffinityOfZeroForAContactNobodyKnows() {
        assertThat(new AffinityRated(ACCOUNT, BUYER, TEAM_MEMBER, 0, null, AT).score()).isZero();
    }

    @Test
    void copiesCoalitionMembersSoTheEventCannotChangeAfterwards() {
        List<String> members = new ArrayList<>(List.of(CFO, BUYER));
        var formed = new CoalitionFormed(ACCOUNT, "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8", "Cost-reduction camp",
                CoalitionAlignment.OPPOSED, members, AT);

        members.clear();

        assertThat(formed.memberIds()).containsExactly(CFO, BUYER);
        assertThatThrownBy(() -> formed.memberIds().add(TEAM_MEMBER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsACoalitionWithoutMembersListOrWithANullMember() {
        assertThatNullPointerException()
                .isThrownBy(() -> new CoalitionFormed(ACCOUNT, "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8", "Camp",
                        CoalitionAlignment.ALIGNED, null, AT))
                .withMessage("memberIds");
        assertThatNullPointerException()
                .isThrownBy(() -> new CoalitionFormed(ACCOUNT, "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8", "Camp",
                        CoalitionAlignment.ALIGNED, Arrays.asList(CFO, null), AT));
    }

    @Test
    void rejectsAnInterestWithoutKindOrHorizon() {
        assertThatNullPointerException()
                .isThrownBy(() -> new InterestRecorded(ACCOUNT, INTEREST, CFO, null, InterestHorizon.SHORT_TERM, AT))
                .withMessage("kind");
        assertThatNullPointerException()
                .isThrownBy(() -> new InterestRecorded(ACCOUNT, INTEREST, CFO, InterestKind.FEAR, null, AT))
                .withMessage("horizon");
    }

    @Test
    void publishesAnInterestWithoutItsFreeText() {
        // The text may hold personal data; any field added here must be decided, not slipped in.
        assertThat(InterestRecorded.class.getRecordComponents())
                .extracting(RecordComponent::getName)
                .containsExactly("accountId", "interestId", "contactId", "kind", "horizon", "validFrom");
    }
}
