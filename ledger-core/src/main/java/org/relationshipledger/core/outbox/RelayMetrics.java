package org.relationshipledger.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Relay meters: backlog ({@code ledger.relay.unpublished}, {@code ledger.relay.oldest.unpublished.age}),
 * throughput ({@code ledger.relay.published}), failures and whether this replica holds the lease. Gauges read
 * values the relay loop refreshes, so a scrape never queries MongoDB.
 */
public final class RelayMetrics {

    private final Clock clock;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestSinceMillis = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong leaseHeld = new AtomicLong();
    private final Counter published;
    private final Counter records;
    private final Counter failures;
    private final Timer batches;

    public RelayMetrics(MeterRegistry registry, String service, Clock clock) {
        this.clock = clock;
        Gauge.builder("ledger.relay.unpublished", unpublished, AtomicLong::get)
                .description("Committed events not yet acknowledged by Kafka (at most the scanned backlog)")
                .tag("service", service).baseUnit("events").register(registry);
        Gauge.builder("ledger.relay.oldest.unpublished.age", this, RelayMetrics::oldestAgeSeconds)
                .description("Age of the oldest committed but unpublished event")
                .tag("service", service).baseUnit("seconds").register(registry);
        Gauge.builder("ledger.relay.lease.held", leaseHeld, AtomicLong::get)
                .description("1 if this replica holds the relay lease")
                .tag("service", service).register(registry);
        published = Counter.builder("ledger.relay.published").description("Stored events published and acknowledged")
                .tag("service", service).baseUnit("events").register(registry);
        records = Counter.builder("ledger.relay.records").description("Kafka records acknowledged")
                .tag("service", service).baseUnit("records").register(registry);
        failures = Counter.builder("ledger.relay.failures").description("Relay rounds that failed and will be retried")
                .tag("service", service).register(registry);
        batches = Timer.builder("ledger.relay.batch").description("Time to publish one relay round")
                .tag("service", service).register(registry);
    }

    void backlog(long events, Instant oldest) {
        unpublished.set(events);
        oldestSinceMillis.set(oldest == null ? Long.MAX_VALUE : oldest.toEpochMilli());
    }

    void leaseHeld(boolean held) {
        leaseHeld.set(held ? 1 : 0);
    }

    void published(long events, long recordCount, Duration took) {
        published.increment(events);
        records.increment(recordCount);
        batches.record(took);
    }

    void failed() {
        failures.increment();
    }

    private double oldestAgeSeconds() {
        long since = oldestSinceMillis.get();
        return since == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }
}
