package org.relationshipledger.analytics.ledger;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.relationshipledger.analytics.health.scoring.AccountState;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The folds of the accounts the live listener touched lately, so an event that arrives in recorded order costs one
 * {@link AccountState#apply} instead of a refold of the account's whole log (ADR 0061).
 * <p>
 * A fold is only trusted together with the count of log entries it covers: the index counts its entries in the same
 * atomic update that adds one, so "the index now holds {@code count + 1} ids and this call added the new one" proves
 * the index is exactly the fold's events plus this one, whoever else writes to it. A fold whose view write failed is
 * forgotten, because {@link AccountState} is folded in place. Work on one account is serialised by a lock stripe,
 * since the listener's threads and a replay's final refold may touch the same account.
 */
final class LiveFolds {

    /**
     * @param count        how many log entries the state folded, which is also its view's guard position
     * @param lastOrderKey the {@link AccountLedger#orderKey} of the last of them in recorded order
     */
    record Folded(AccountState state, int count, String lastOrderKey) {
    }

    private static final int STRIPES = 64;

    private final Cache<String, Folded> folds;
    private final Lock[] stripes = new Lock[STRIPES];
    private final LongAdder applied = new LongAdder();
    private final LongAdder refolded = new LongAdder();

    LiveFolds(long maximumAccounts) {
        this.folds = Caffeine.newBuilder().maximumSize(maximumAccounts).build();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    Lock lock(String accountId) {
        return stripes[Math.floorMod(accountId.hashCode(), STRIPES)];
    }

    Folded get(Generation generation, String accountId) {
        return folds.getIfPresent(key(generation, accountId));
    }

    /** Holds a fold that one more event was applied to. */
    void applied(Generation generation, String accountId, Folded folded) {
        applied.increment();
        folds.put(key(generation, accountId), folded);
    }

    /** Holds a fold of the account's whole log. */
    void refolded(Generation generation, String accountId, Folded folded) {
        refolded.increment();
        folds.put(key(generation, accountId), folded);
    }

    long appliedCount() {
        return applied.sum();
    }

    long refoldedCount() {
        return refolded.sum();
    }

    void forget(Generation generation, String accountId) {
        folds.invalidate(key(generation, accountId));
    }

    private static String key(Generation generation, String accountId) {
        return generation.number() + "/" + accountId;
    }
}
