package org.relationshipledger.analytics.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.ledger.Rebuild;
import org.relationshipledger.analytics.ledger.ReceivedEvent;
import org.relationshipledger.analytics.replay.ReplayStatus.State;
import org.relationshipledger.core.web.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rebuilds a projection from offset 0 into a fresh generation while the serving one keeps answering (and keeps
 * receiving live events, which the ledger also writes into the generation being built), then swaps it in. One
 * replay at a time per instance: a second one would compete for the same next generation.
 */
@Service
public class Replays implements DisposableBean {

    public static final List<String> PROJECTIONS = List.of(AccountLedger.PROJECTION);
    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int KEPT_RUNS = 20;

    private final AccountLedger ledger;
    private final ReplaySource source;
    private final Clock clock;
    private final Counter recordsReplayed;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "analytics-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> running = new AtomicReference<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();

    Replays(AccountLedger ledger, ReplaySource source, Clock clock, MeterRegistry registry) {
        this.ledger = ledger;
        this.source = source;
        this.clock = clock;
        this.recordsReplayed = Counter.builder("analytics.replay.records")
                .description("Records read by projection replays").register(registry);
        Gauge.builder("analytics.replay.progress", this, Replays::currentProgress)
                .description("Share of the running replay's records read, 0-1; 1 when none runs").register(registry);
        Gauge.builder("analytics.replay.rate", this, Replays::currentRate).baseUnit("records/s")
                .description("Records per second of the running or last replay").register(registry);
    }

    public ReplayStatus start(StartReplay request) {
        if (request.projection() == null || request.projection().isBlank()) {
            throw RuleViolation.invalid("projection", "must be given, one of " + PROJECTIONS);
        }
        if (!PROJECTIONS.contains(request.projection())) {
            throw RuleViolation.invalid("projection", "must be one of " + PROJECTIONS);
        }
        Run run = new Run(UUID.randomUUID().toString(), request.projection(), clock.instant(),
                ledger.active().number());
        if (!running.compareAndSet(null, run)) {
            throw RuleViolation.conflict("projection",
                    "replay " + running.get().id + " of " + running.get().projection + " is still running");
        }
        synchronized (runs) {
            runs.put(run.id, run);
            while (runs.size() > KEPT_RUNS) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        Rebuild target = ledger.beginRebuild();
        run.toGeneration = target.generation().number();
        runner.execute(() -> execute(run, target));
        return run.status();
    }

    public Optional<ReplayStatus> find(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).map(Run::status);
        }
    }

    public List<ReplayStatus> list() {
        synchronized (runs) {
            return runs.values().stream().map(Run::status).toList().reversed();
        }
    }

    private void execute(Run run, Rebuild target) {
        try {
            source.readAll(new ReplaySource.Sink() {
                @Override
                public void total(long records) {
                    run.total.set(records);
                }

                @Override
                public void accept(ReceivedEvent event) {
                    target.add(event);
                    run.read.incrementAndGet();
                    recordsReplayed.increment();
                }

                @Override
                public void skipped(String reason) {
                    run.read.incrementAndGet();
                    run.skipped.incrementAndGet();
                    recordsReplayed.increment();
                }

                @Override
                public void accountsComplete() {
                    target.accountsComplete();
                }
            });
            target.finish();
            ledger.swapIn(target);
            run.finish(State.COMPLETED, null, clock.instant());
            log.info("replay {} of {} rebuilt generation {} from {} records", run.id, run.projection,
                    target.generation().number(), run.read.get());
        } catch (RuntimeException e) {
            ledger.abandonRebuild();
            run.finish(State.FAILED, e.toString(), clock.instant());
            log.error("replay {} of {} failed", run.id, run.projection, e);
        } finally {
            target.close();
            running.set(null);
        }
    }

    private double currentProgress() {
        Run run = running.get();
        return run == null ? 1.0 : run.status().progress();
    }

    private double currentRate() {
        Run run = running.get();
        if (run != null) {
            return run.status().recordsPerSecond();
        }
        List<ReplayStatus> all = list();
        return all.isEmpty() ? 0 : all.getFirst().recordsPerSecond();
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    private final class Run {
        final String id;
        final String projection;
        final Instant startedAt;
        final int fromGeneration;
        volatile int toGeneration;
        final AtomicLong total = new AtomicLong(-1);
        final AtomicLong read = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile String failure;

        Run(String id, String projection, Instant startedAt, int fromGeneration) {
            this.id = id;
            this.projection = projection;
            this.startedAt = startedAt;
            this.fromGeneration = fromGeneration;
        }

        void finish(State outcome, String reason, Instant at) {
            failure = reason;
            finishedAt = at;
            state = outcome;
        }

        ReplayStatus status() {
            long all = total.get();
            long done = read.get();
            double progress = state == State.COMPLETED ? 1.0 : all <= 0 ? 0.0 : Math.min(1.0, (double) done / all);
            Instant end = finishedAt != null ? finishedAt : clock.instant();
            double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
            return new ReplayStatus(id, projection, state, Math.max(all, 0), done, skipped.get(), progress,
                    Math.round(done / seconds * 10) / 10.0, startedAt, finishedAt, fromGeneration, toGeneration,
                    failure);
        }
    }
}
