package org.relationshipledger.mapping.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;

class OrgChartTest {

    static final Instant LEFT = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void showsTheHierarchyAsATreeWithDottedLinesBesideIt() {
        Story story = new Story().contacts("ceo", "vp", "analyst", "cfo")
                .reportsTo("vp", "ceo", ReportingLineKind.SOLID)
                .reportsTo("cfo", "ceo", ReportingLineKind.SOLID)
                .reportsTo("analyst", "vp", ReportingLineKind.SOLID)
                .reportsTo("analyst", "cfo", ReportingLineKind.DOTTED)
                .role("ceo", BuyingRole.DECISION_MAKER, Stance.NEUTRAL)
                .affinity("analyst", "alice", 5).affinity("analyst", "bob", 2);

        OrgChart.View chart = OrgChart.of(story.now());

        assertThat(chart.roots()).extracting(OrgChart.Node::contactId).containsExactly("ceo");
        OrgChart.Node ceo = chart.roots().getFirst();
        assertThat(ceo.role()).isEqualTo(BuyingRole.DECISION_MAKER);
        assertThat(ceo.reports()).extracting(OrgChart.Node::contactId).containsExactly("cfo", "vp");
        OrgChart.Node analyst = ceo.reports().get(1).reports().getFirst();
        assertThat(analyst.bestAffinity()).isEqualTo(new BestAffinity("alice", 5));
        assertThat(chart.otherLines()).containsExactly(new OrgChart.Line("analyst", "cfo", ReportingLineKind.DOTTED));
    }

    @Test
    void aContactWhoLeftStaysOnPastChartsAndTheirReportsKeepTheirOtherManagersOrStandUnassigned() {
        Story story = new Story().contacts("ceo", "vp", "analyst", "intern")
                .reportsTo("vp", "ceo", ReportingLineKind.SOLID)
                .reportsTo("analyst", "vp", ReportingLineKind.SOLID)
                .reportsTo("analyst", "ceo", ReportingLineKind.DOTTED)
                .reportsTo("intern", "vp", ReportingLineKind.SOLID)
                .left("vp", LEFT);

        OrgChart.View before = OrgChart.of(story.at(LEFT.minusSeconds(1)));
        OrgChart.View after = OrgChart.of(story.at(LEFT));

        assertThat(before.roots()).extracting(OrgChart.Node::contactId).containsExactly("ceo");
        assertThat(before.roots().getFirst().reports()).extracting(OrgChart.Node::contactId).containsExactly("vp");
        assertThat(after.roots()).extracting(OrgChart.Node::contactId).containsExactlyInAnyOrder("ceo", "analyst", "intern");
        assertThat(after.otherLines()).containsExactly(new OrgChart.Line("analyst", "ceo", ReportingLineKind.DOTTED));
    }

    @Test
    void anErasedContactShowsAsErasedContactWithoutTheirTitle() {
        Story story = new Story().contacts("ceo", "vp").reportsTo("vp", "ceo", ReportingLineKind.SOLID).erased("vp");

        OrgChart.Node vp = OrgChart.of(story.now()).roots().getFirst().reports().getFirst();

        assertThat(vp.label()).isEqualTo("erased contact");
        assertThat(List.of(vp.toString())).noneMatch(text -> text.contains("Title of vp"));
    }
}
