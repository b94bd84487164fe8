package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;
import org.relationshipledger.mapping.accountmap.Stance;

/**
 * Whom to approach in what order. Bootstrapping starts where we are strongest (best team affinity, allies before
 * neutrals before opponents, the less influential first) and climbs; pyramiding starts at the top of the power
 * ranking. Erased contacts cannot be approached and are left out.
 */
public final class ApproachPlan {

    public enum Strategy {
        BOOTSTRAPPING, PYRAMIDING;

        public static Optional<Strategy> parse(String text) {
            for (Strategy strategy : values()) {
                if (strategy.name().equalsIgnoreCase(text)) {
                    return Optional.of(strategy);
                }
            }
            return Optional.empty();
        }
    }

    public record Step(int order, String contactId, String label, BuyingRole role, Stance stance,
                       BestAffinity bestAffinity, double influence, String why) {
    }

    public record View(String accountId, Instant asOf, Strategy strategy, List<Step> steps) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, strategy, steps);
        }
    }

    private ApproachPlan() {
    }

    public static View of(Picture picture, Strategy strategy) {
        Map<String, Double> influence = PowerRanking.influence(picture);
        Comparator<String> order = switch (strategy) {
            case BOOTSTRAPPING -> Comparator.<String>comparingInt(picture::bestScore).reversed()
                    .thenComparingInt(id -> stanceRank(picture, id))
                    .thenComparingDouble(id -> influence.getOrDefault(id, 0.0))
                    .thenComparing(Comparator.naturalOrder());
            case PYRAMIDING -> Comparator.<String>comparingDouble(id -> influence.getOrDefault(id, 0.0)).reversed()
                    .thenComparing(Comparator.<String>comparingInt(picture::bestScore).reversed())
                    .thenComparing(Comparator.naturalOrder());
        };
        List<String> contacts = picture.contacts().values().stream().filter(c -> !c.erased())
                .map(ContactCard::contactId).sorted(order).toList();
        List<Step> steps = new ArrayList<>();
        for (String id : contacts) {
            RoleAssignment role = picture.roles().get(id);
            double score = influence.getOrDefault(id, 0.0);
            steps.add(new Step(steps.size() + 1, id, picture.label(id), role == null ? null : role.role(),
                    role == null ? null : role.stance(), BestAffinity.of(picture.bestAffinity(id)), score,
                    why(picture, id, role, score, strategy)));
        }
        return new View(picture.accountId(), picture.asOf(), strategy, steps);
    }

    private static int stanceRank(Picture picture, String id) {
        Stance stance = picture.role(id).map(RoleAssignment::stance).orElse(Stance.NEUTRAL);
        return switch (stance) {
            case ALLY -> 0;
            case NEUTRAL -> 1;
            case OPPONENT -> 2;
        };
    }

    private static String why(Picture picture, String id, RoleAssignment role, double influence, Strategy strategy) {
        String known = picture.bestAffinity(id)
                .map(a -> "%s knows them (affinity %d)".formatted(a.teamMemberId(), a.score()))
                .orElse("nobody in our team knows them yet");
        String stance = role == null ? "stance unknown" : role.stance().name().toLowerCase(Locale.ROOT);
        String influential = String.format(Locale.ROOT, "influence %.2f", influence);
        String buying = role == null ? "" : ", " + role.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (strategy) {
            case BOOTSTRAPPING -> "%s; %s; %s%s".formatted(known, stance, influential, buying);
            case PYRAMIDING -> "%s%s; %s; %s".formatted(influential, buying, known, stance);
        };
    }
}
