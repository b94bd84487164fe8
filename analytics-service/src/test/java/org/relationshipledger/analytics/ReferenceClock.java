package org.relationshipledger.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the integration tests (it replaces the ledger's {@code Clock} bean): the system clock,
 * unless a test stops it at an instant to judge a view "now" at a time of its choosing. A test that stops it
 * lets it run again when it ends.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReferenceClock {

    @Bean
    Movable serviceClock() {
        return new Movable();
    }

    public static final class Movable extends Clock {

        private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

        public void stopAt(Instant instant) {
            stoppedAt.set(instant);
        }

        public void run() {
            stoppedAt.set(null);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt.get();
            return stopped != null ? stopped : Instant.now();
        }
    }
}
