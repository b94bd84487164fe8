package org.relationshipledger.core.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.LedgerStoreFixture;
import org.relationshipledger.core.outbox.OutboxIntents;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;

/** Appends of concurrent units of work share their round trips without sharing their fate. */
@WithRealInfrastructure
class GroupCommitIT {

    private static final int WRITERS = 8;

    private LedgerStoreFixture store;

    @BeforeEach
    void newStore() {
        store = new LedgerStoreFixture(RealInfrastructure.get());
    }

    @Test
    void concurrentAppendsAreEachStoredChainedAndClaimed() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < WRITERS * 10; i++) {
            accounts.add(LedgerStoreFixture.newAccountId());
        }
        inParallel(accounts.stream().<Callable<Void>>map(account -> () -> {
            store.appendStream(account, 3);
            return null;
        }).toList());

        Map<String, Long> claimed = store.intents().pending(1_000).stream()
                .collect(Collectors.toMap(OutboxIntents.Intent::streamId, OutboxIntents.Intent::claimedSequence));
        for (String account : accounts) {
            assertThat(store.storedEvents().stream(account)).hasSize(3);
            assertThat(store.verifier().verify(account, OptionalLong.of(2)).intact()).isTrue();
            assertThat(claimed).containsEntry(account, 2L);
        }
    }

    @Test
    void aConflictingAppendFailsAloneWhileTheAppendsWrittenWithItAreStored() throws Exception {
        String contested = LedgerStoreFixture.newAccountId();
        store.append(contested, 0);
        List<String> bystanders = new ArrayList<>();
        List<Callable<Void>> appends = new ArrayList<>();
        for (int i = 0; i < WRITERS - 2; i++) {
            String account = LedgerStoreFixture.newAccountId();
            bystanders.add(account);
            appends.add(() -> {
                store.append(account, 0);
                return null;
            });
        }
        for (int twin = 0; twin < 2; twin++) {
            appends.add(() -> {
                store.append(contested, 1);
                return null;
            });
        }

        List<Throwable> failures = inParallel(appends);

        assertThat(failures).singleElement().isInstanceOf(ConcurrencyException.class);
        assertThat(store.storedEvents().stream(contested)).hasSize(2);
        assertThat(store.verifier().verify(contested, OptionalLong.of(1)).intact()).isTrue();
        bystanders.forEach(account -> assertThat(store.storedEvents().stream(account)).hasSize(1));
    }

    /** Runs every task at once (released by one barrier); returns what they threw. */
    private static List<Throwable> inParallel(List<Callable<Void>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(Math.min(tasks.size(), WRITERS));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Void>> futures = pool.invokeAll(tasks.stream().<Callable<Void>>map(task -> () -> {
                if (tasks.size() <= WRITERS) {
                    start.await();
                }
                return task.call();
            }).toList());
            List<Throwable> failures = new ArrayList<>();
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
