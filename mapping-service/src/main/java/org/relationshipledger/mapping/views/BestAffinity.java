package org.relationshipledger.mapping.views;

import java.util.Optional;

import org.relationshipledger.mapping.accountmap.MapState.Affinity;

/** Which of our team members knows a contact best, and how well (0–5). */
public record BestAffinity(String teamMemberId, int score) {

    static BestAffinity of(Optional<Affinity> affinity) {
        return affinity.map(a -> new BestAffinity(a.teamMemberId(), a.score())).orElse(null);
    }
}
