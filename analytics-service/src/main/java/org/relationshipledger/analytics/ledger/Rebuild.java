package org.relationshipledger.analytics.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.RecordedEvent;

/**
 * One replay's bulk load of a fresh generation (ADR 0046). The live path writes one event at a time and applies
 * it to the account's fold (ADR 0061); a replay instead
 * <ul>
 *     <li>writes log entries in unordered batches (a duplicate event id is a duplicate key, skipped, as live),</li>
 *     <li>keeps each account's events in memory until the source says its accounts are complete, then folds each
 *     account once, in recorded order, and writes its index entry and view in batches,</li>
 *     <li>and refolds from the written log any account the live listener wrote to meanwhile, or that turned up
 *     again after it was finished, so the result is the live path's document for document.</li>
 * </ul>
 * Log batches are written by a writer thread, a few in flight, while the replay thread reads and parses the next
 * records. Not thread-safe except {@link #touchedLive}: one replay thread feeds it, and {@link #close()}s it.
 */
public final class Rebuild implements AutoCloseable {

    static final int BATCH = 2000;
    private static final int BATCHES_IN_FLIGHT = 4;

    private final AccountLedger ledger;
    private final Generation generation;
    private final Set<String> touchedLive = ConcurrentHashMap.newKeySet();
    private Map<String, List<RecordedEvent>> open = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    /** Accounts that turned up again after they were finished, and the ids of their late events not yet indexed. */
    private final Set<String> reopened = new HashSet<>();
    private Map<String, List<String>> lateEvents = new LinkedHashMap<>();
    private List<ReceivedEvent> log = new ArrayList<>(BATCH);
    private final Deque<Future<?>> writes = new ArrayDeque<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "analytics-replay-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** One copy of each repeated string (types, stream ids) instead of one per event held in memory. */
    private final Map<String, String> shared = new HashMap<>();

    Rebuild(AccountLedger ledger, Generation generation) {
        this.ledger = ledger;
        this.generation = generation;
    }

    public Generation generation() {
        return generation;
    }

    public void add(ReceivedEvent received) {
        log.add(received);
        if (log.size() >= BATCH) {
            flushLog();
        }
        String accountId = received.envelope().accountId();
        if (finished.contains(accountId)) {
            reopened.add(accountId);
            lateEvents.computeIfAbsent(accountId, id -> new ArrayList<>()).add(received.envelope().eventId());
            return;
        }
        open.computeIfAbsent(accountId, id -> new ArrayList<>()).add(AccountLedger.forFold(received, this::shared));
    }

    /**
     * Hands every account held to the writer, which folds each once and writes its index entry and view after the
     * log batches already queued; the replay thread goes on reading the next partition group meanwhile.
     */
    public void accountsComplete() {
        flushLog();
        Map<String, List<RecordedEvent>> complete = open;
        Map<String, List<String>> late = lateEvents;
        open = new LinkedHashMap<>();
        lateEvents = new LinkedHashMap<>();
        finished.addAll(complete.keySet());
        writes.add(writer.submit(() -> writeAccounts(complete, late)));
    }

    private void writeAccounts(Map<String, List<RecordedEvent>> complete, Map<String, List<String>> late) {
        List<Document> views = new ArrayList<>(complete.size());
        Map<String, List<String>> index = new LinkedHashMap<>();
        for (Map.Entry<String, List<RecordedEvent>> account : complete.entrySet()) {
            AccountHistory history = AccountHistory.of(account.getKey(), account.getValue());
            index.put(account.getKey(), history.events().stream().map(RecordedEvent::eventId).toList());
            views.add(ledger.viewDocument(history));
            if (index.size() >= BATCH) {
                ledger.addToIndex(generation, index);
                index.clear();
            }
        }
        ledger.addToIndex(generation, index);
        ledger.addToIndex(generation, late);
        // Written after every index entry they summarise, so a live write racing them folds a complete log.
        for (int from = 0; from < views.size(); from += BATCH) {
            ledger.insertViews(generation, views.subList(from, Math.min(views.size(), from + BATCH)));
        }
    }

    /** Completes the generation: what is still held, then a refold of every account a bulk write may have missed. */
    public void finish() {
        accountsComplete();
        awaitWrites();
        Set<String> refold = new HashSet<>(reopened);
        refold.addAll(touchedLive);
        for (String accountId : refold) {
            ledger.refold(generation, accountId, true);
        }
    }

    /** The live listener wrote an event of this account into the generation being rebuilt. */
    void touchedLive(String accountId) {
        touchedLive.add(accountId);
    }

    private void flushLog() {
        if (log.isEmpty()) {
            return;
        }
        List<ReceivedEvent> batch = log;
        log = new ArrayList<>(BATCH);
        writes.add(writer.submit(() -> ledger.insertLog(generation,
                batch.stream().map(AccountLedger::logEntry).toList())));
        while (writes.size() > BATCHES_IN_FLIGHT) {
            await(writes.removeFirst());
        }
    }

    private void awaitWrites() {
        while (!writes.isEmpty()) {
            await(writes.removeFirst());
        }
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the rebuilt log", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Stops the writer; a replay that failed leaves its generation unserved, so unwritten batches do not matter. */
    @Override
    public void close() {
        writer.shutdownNow();
    }

    private String shared(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }
}
