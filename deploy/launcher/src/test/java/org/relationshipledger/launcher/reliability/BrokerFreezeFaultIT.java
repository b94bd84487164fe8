package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Fault (b): the broker is frozen (SIGSTOP) for longer than the relay producer's delivery timeout, lowered to 5 s
 * here. Sends time out instead of hanging; the relay counts failed rounds and shows the backlog on its meters
 * meanwhile; after SIGCONT publishing resumes and nothing was dropped silently.
 */
class BrokerFreezeFaultIT {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);
    static final Duration FROZEN = Duration.ofSeconds(20);
    private static final Duration RECONCILE = Duration.ofMinutes(3);

    private final LedgerHttp http = new LedgerHttp();

    @TempDir
    Path work;

    @Test
    void resumesPublishingAfterTheBrokerWasFrozenLongerThanTheDeliveryTimeout() throws Exception {
        int port = BrokerKillFaultIT.freePort();
        Path logDirectory = work.resolve("kafka");
        ChildJvm broker = BrokerKillFaultIT.startBroker(port, logDirectory, "broker.log");
        try (InProcessLedger ledger = InProcessLedger.onBroker("127.0.0.1:" + port, Map.of(
                "spring.kafka.producer.properties.delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT.toMillis()),
                "spring.kafka.producer.properties.request.timeout.ms", "2000",
                "spring.kafka.producer.properties.max.block.ms", "3000"));
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            RelayMeters relay = new RelayMeters(http, ledger.baseOf(Service.CONTACTS));
            CommandLoad load = CommandLoad.start(http, ledger.baseOf(Service.CONTACTS), Duration.ofMillis(100));
            await("load running").atMost(Duration.ofSeconds(60)).until(() -> load.acceptedCommands() >= 30);
            await("relay caught up").atMost(Duration.ofSeconds(60)).until(() -> relay.unpublished() < 10);
            double failuresBefore = relay.failures();

            broker.freeze();
            Instant frozen = Instant.now();
            double[] peakBacklog = {0};
            double[] peakAge = {0};
            // While frozen: commands still go in, and the meters show the backlog growing.
            await("backlog visible while the broker is frozen").during(FROZEN).atMost(FROZEN.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        peakBacklog[0] = Math.max(peakBacklog[0], relay.unpublished());
                        peakAge[0] = Math.max(peakAge[0], relay.oldestUnpublishedAgeSeconds());
                        return load.refusedCommands() == 0;
                    });
            double failuresWhileFrozen = relay.failures() - failuresBefore;
            broker.thaw();
            Duration stopped = Duration.between(frozen, Instant.now());
            int atThaw = load.acceptedCommands();
            await("load continues after the thaw").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acceptedCommands() >= atThaw + 30);
            load.close();
            Instant drainBegin = Instant.now();
            await("backlog drained").atMost(RECONCILE).until(() -> relay.unpublished() == 0);
            Duration drain = Duration.between(drainBegin, Instant.now());

            assertThat(peakBacklog[0]).as("relay backlog meter while frozen").isPositive();
            assertThat(failuresWhileFrozen).as("failed relay rounds while frozen (sends timed out)").isPositive();
            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    ledger.baseOf(Service.ANALYTICS), http, load.accepted(), RECONCILE);
            System.out.printf("fault (b) broker SIGSTOP: frozen %.1f s (delivery timeout %d s), relay backlog "
                            + "peaked at "
                            + "%.0f events / oldest %.1f s, %.0f failed relay rounds, drained %.1f s after the load "
                            + "stopped; %s%n", stopped.toMillis() / 1000.0, DELIVERY_TIMEOUT.toSeconds(),
                    peakBacklog[0],
                    peakAge[0], failuresWhileFrozen, drain.toMillis() / 1000.0, figures);
            assertThat(load.refusals()).as("refused commands").isEmpty();
        } finally {
            broker.close();
        }
    }
}
