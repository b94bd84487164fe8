package org.relationshipledger.mapping.views;

import java.time.Instant;

import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.MapState;

/** "What we knew then": the fold of the events recorded up to an instant, in stream order (invariant 6). */
public final class Replay {

    public record Recorded(AccountMapEvent event, Instant recordedAt) {
    }

    private Replay() {
    }

    /** Stream order is kept: recorded times are only compared, never sorted by (the store is never reordered). */
    public static MapState upTo(Iterable<Recorded> history, Instant asOf) {
        MapState state = new MapState();
        for (Recorded recorded : history) {
            if (!recorded.recordedAt().isAfter(asOf)) {
                state.apply(recorded.event());
            }
        }
        return state;
    }
}
