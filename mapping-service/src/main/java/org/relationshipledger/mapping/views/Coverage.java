package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;
import org.relationshipledger.mapping.accountmap.Stance;

/** The relationship gaps: decision-relevant contacts none of our team knows at least reasonably well. */
public final class Coverage {

    public static final int COVERED_AT = 3;

    static final Set<BuyingRole> DECISION_RELEVANT =
            Set.of(BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER, BuyingRole.CHAMPION, BuyingRole.BLOCKER);

    public record Entry(String contactId, String label, BuyingRole role, Stance stance, BestAffinity bestAffinity) {
    }

    public record View(String accountId, Instant asOf, int coveredAt, List<Entry> gaps, List<Entry> covered) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, coveredAt, gaps, covered);
        }
    }

    private Coverage() {
    }

    public static View of(Picture picture) {
        List<Entry> relevant = picture.roles().values().stream()
                .filter(r -> DECISION_RELEVANT.contains(r.role()))
                .sorted(Comparator.comparing(RoleAssignment::role).thenComparing(RoleAssignment::contactId))
                .map(r -> new Entry(r.contactId(), picture.label(r.contactId()), r.role(), r.stance(),
                        BestAffinity.of(picture.bestAffinity(r.contactId()))))
                .toList();
        return new View(picture.accountId(), picture.asOf(), COVERED_AT,
                relevant.stream().filter(e -> score(e) < COVERED_AT).toList(),
                relevant.stream().filter(e -> score(e) >= COVERED_AT).toList());
    }

    private static int score(Entry entry) {
        return entry.bestAffinity() == null ? 0 : entry.bestAffinity().score();
    }
}
