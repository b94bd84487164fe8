package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Fault (a): the Kafka broker is SIGKILLed under steady command load and restarted on the same port and log
 * directory 10 s later. Commands keep being accepted meanwhile (the event store is the outbox); afterwards every
 * accepted command's event is in the store, on Kafka and counted once in analytics.
 */
class BrokerKillFaultIT {

    static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECONCILE = Duration.ofMinutes(3);

    private final LedgerHttp http = new LedgerHttp();

    @TempDir
    Path work;

    @Test
    void losesNoAcceptedCommandWhenTheBrokerIsKilledUnderLoadAndComesBack() throws Exception {
        int port = freePort();
        Path logDirectory = work.resolve("kafka");
        ChildJvm broker = startBroker(port, logDirectory, "broker-1.log");
        try (InProcessLedger ledger = InProcessLedger.onBroker("127.0.0.1:" + port, Map.of());
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            CommandLoad load = CommandLoad.start(http, ledger.baseOf(Service.CONTACTS), Duration.ofMillis(100));
            await("load running").atMost(Duration.ofSeconds(60)).until(() -> load.acceptedCommands() >= 30);

            Instant killed = Instant.now();
            broker.kill();
            int beforeOutage = load.acceptedCommands();
            // The outage itself: commands must keep being accepted while the broker is gone.
            await("commands accepted while the broker is down").during(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                    .until(() -> load.refusedCommands() == 0);
            int duringOutage = load.acceptedCommands() - beforeOutage;
            broker = startBroker(port, logDirectory, "broker-2.log");
            Duration down = Duration.between(killed, Instant.now());
            int afterRestart = load.acceptedCommands();
            await("load continues after the restart").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acceptedCommands() >= afterRestart + 30);
            load.close();

            assertThat(duringOutage).as("commands accepted during the outage").isPositive();
            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    ledger.baseOf(Service.ANALYTICS), http, load.accepted(), RECONCILE);
            System.out.printf("fault (a) broker SIGKILL: broker down %.1f s, %d commands accepted during the outage, "
                            + "%d refused; %s%n", down.toMillis() / 1000.0, duringOutage, load.refusedCommands(),
                    figures);
            assertThat(load.refusals()).as("refused commands").isEmpty();
        } finally {
            broker.close();
        }
    }

    static ChildJvm startBroker(int port, Path logDirectory, String log) {
        return ChildJvm.start("kafka-broker", KafkaBrokerMain.class, List.of("-Xmx512m"),
                List.of(Integer.toString(port), logDirectory.toString()), logDirectory.getParent().resolve(log),
                KafkaBrokerMain.READY, Duration.ofSeconds(90));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
