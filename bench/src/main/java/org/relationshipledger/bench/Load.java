package org.relationshipledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Closed-loop throughput and open-loop (coordinated-omission-free) latency drivers. */
final class Load {

    /** One unit of work; {@code index} is unique across all threads of a run. */
    @FunctionalInterface
    interface Operation {
        void run(long index) throws Exception;
    }

    private Load() {
    }

    /** Thrown by an operation to end a throughput run early: a fixed amount of work is done. */
    static final class BacklogComplete extends RuntimeException {
        BacklogComplete() {
            super(null, null, false, false);
        }
    }

    /**
     * Operations per second with {@code threads} callers issuing back to back for {@code duration}, or until an
     * operation throws {@link BacklogComplete}.
     */
    static double throughput(int threads, Duration duration, Operation operation) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        call(operation, next.getAndIncrement());
                        done.incrementAndGet();
                    }
                } catch (BacklogComplete enough) {
                    // this caller's share of a fixed workload is done
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Latency at a fixed arrival rate: operation {@code i} is due at {@code start + i / rate}; its latency runs from
     * when it was due, not from when a thread got to it, so a stall is charged to every operation it delayed.
     */
    static Histogram latencyAtRate(int threads, double ratePerSecond, Duration duration, Operation operation)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        long total = (long) (ratePerSecond * duration.toSeconds());
        double intervalNanos = 1e9 / ratePerSecond;
        AtomicLong next = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime() + 10_000_000L;
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + (long) (i * intervalNanos);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        call(operation, i);
                        recorder.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        return recorder.getIntervalHistogram();
    }

    private static void call(Operation operation, long index) {
        try {
            operation.run(index);
        } catch (BacklogComplete enough) {
            throw enough;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark operation " + index + " failed", e);
        }
    }
}
