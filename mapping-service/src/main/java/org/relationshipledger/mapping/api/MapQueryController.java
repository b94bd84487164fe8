package org.relationshipledger.mapping.api;

import java.time.Clock;
import java.util.List;

import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.mapping.views.ApproachPlan;
import org.relationshipledger.mapping.views.BackwardMapping;
import org.relationshipledger.mapping.views.Coverage;
import org.relationshipledger.mapping.views.InfluenceMap;
import org.relationshipledger.mapping.views.OrgChart;
import org.relationshipledger.mapping.views.PowerRanking;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Every view answers live, or from the events recorded up to {@code asOf} (an ISO-8601 instant, not future). */
@RestController
@RequestMapping("/accounts/{accountId}")
@Tag(name = "account map views", description = "org chart, influence map, backward mapping, plans, rankings, gaps")
class MapQueryController {

    private static final String AS_OF = "an ISO-8601 instant; the view then shows what was recorded up to it";

    private final AccountMaps maps;
    private final Clock clock;
    private final int strongAffinity;

    MapQueryController(AccountMaps maps, Clock clock,
                       @Value("${mapping.backward-mapping.strong-affinity:4}") int strongAffinity) {
        this.maps = maps;
        this.clock = clock;
        this.strongAffinity = strongAffinity;
    }

    @GetMapping("/org-chart")
    @Operation(summary = "The hierarchy as a forest with dotted lines, roles, stance and best team affinity")
    OrgChart.View orgChart(@PathVariable String accountId,
                           @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return maps.view(accountId, AsOf.parse(asOf, clock), "org-chart", OrgChart::of, OrgChart.View::at);
    }

    @GetMapping("/influence-map")
    @Operation(summary = "Nodes, typed weighted edges and coalitions, with a heat per contact")
    InfluenceMap.View influenceMap(@PathVariable String accountId,
                                   @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return maps.view(accountId, AsOf.parse(asOf, clock), "influence-map", InfluenceMap::of,
                InfluenceMap.View::at);
    }

    @GetMapping("/backward-mapping")
    @Operation(summary = "Paths from the decision maker (or from=) to the nearest contacts our team knows well")
    BackwardMapping.View backwardMapping(@PathVariable String accountId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) Integer minAffinity,
                                         @RequestParam(defaultValue = "5") int limit,
                                         @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        int threshold = minAffinity == null ? strongAffinity : minAffinity;
        if (threshold < 1 || threshold > 5) {
            throw RuleViolation.invalid("minAffinity", "minAffinity must be between 1 and 5, was " + threshold);
        }
        if (limit < 1 || limit > 50) {
            throw RuleViolation.invalid("limit", "limit must be between 1 and 50, was " + limit);
        }
        return maps.view(accountId, AsOf.parse(asOf, clock), List.of("backward-mapping", String.valueOf(from),
                threshold, limit), picture -> {
                    if (from != null && !picture.contacts().containsKey(from)) {
                        throw RuleViolation.notFound("from",
                                from + " is not a contact of account " + accountId + " at this time");
                    }
                    return BackwardMapping.of(picture, from, threshold, limit);
                }, BackwardMapping.View::at);
    }

    @GetMapping("/approach-plan")
    @Operation(summary = "Whom to approach in what order: bootstrapping (easiest first) or pyramiding (most influential first)")
    ApproachPlan.View approachPlan(@PathVariable String accountId,
                                   @RequestParam(defaultValue = "bootstrapping") String strategy,
                                   @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        ApproachPlan.Strategy chosen = ApproachPlan.Strategy.parse(strategy).orElseThrow(() -> RuleViolation
                .invalid("strategy", "strategy must be bootstrapping or pyramiding, was '" + strategy + "'"));
        return maps.view(accountId, AsOf.parse(asOf, clock), List.of("approach-plan", chosen),
                picture -> ApproachPlan.of(picture, chosen), ApproachPlan.View::at);
    }

    @GetMapping("/power-ranking")
    @Operation(summary = "Contacts ranked by influence (PageRank over DEFERS_TO/INFLUENCES weighted by strength)")
    PowerRanking.View powerRanking(@PathVariable String accountId,
                                   @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return maps.view(accountId, AsOf.parse(asOf, clock), "power-ranking", PowerRanking::of,
                PowerRanking.View::at);
    }

    @GetMapping("/coverage")
    @Operation(summary = "Decision-relevant contacts without a team affinity of at least 3: the relationship gaps")
    Coverage.View coverage(@PathVariable String accountId,
                           @Parameter(description = AS_OF) @RequestParam(required = false) String asOf) {
        return maps.view(accountId, AsOf.parse(asOf, clock), "coverage", Coverage::of, Coverage.View::at);
    }

}
