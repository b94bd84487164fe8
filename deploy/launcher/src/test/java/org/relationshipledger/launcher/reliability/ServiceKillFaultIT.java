package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Faults (d) and (e): a service process SIGKILLed under load and restarted on its port. (d) contacts-service while
 * its relay is publishing: events acknowledged but not yet marked published are sent again, and analytics still
 * counts each once. (e) analytics-service in the middle of projecting: it resumes from its committed offsets and
 * its timelines equal the event store.
 */
class ServiceKillFaultIT {

    private static final Duration RECONCILE = Duration.ofMinutes(3);

    private final LedgerHttp http = new LedgerHttp();

    @TempDir
    Path work;

    @Test
    void contactsKilledMidRelayBatchLosesAndDoublesNothingDownstream() throws Exception {
        try (SplitLedger ledger = SplitLedger.start(Set.of(Service.CONTACTS), Map.of(), work);
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            SplitLedger.Replica contacts = ledger.replicaOf(Service.CONTACTS);
            RelayMeters relay = new RelayMeters(http, contacts.base());
            CommandLoad load = CommandLoad.start(http, contacts.base(), Duration.ofMillis(20));
            await("load running").atMost(Duration.ofSeconds(60)).until(() -> load.acceptedCommands() >= 60);
            // Kill while the relay is at work: its published counter moved within the last poll.
            double[] published = {relay.published()};
            await("relay publishing").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                double now = relay.published();
                boolean moving = now > published[0];
                published[0] = now;
                return moving;
            });
            double backlogAtKill = relay.unpublished();
            contacts.jvm().kill();
            Instant killed = Instant.now();
            ledger.start(contacts);
            Duration down = Duration.between(killed, Instant.now());
            int afterRestart = load.acceptedCommands();
            await("load continues after the restart").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acceptedCommands() >= afterRestart + 30);
            load.close();

            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    ledger.baseOf(Service.ANALYTICS), http, load.accepted(), RECONCILE);
            System.out.printf("fault (d) contacts-service SIGKILL mid-relay: %.0f events published before, "
                            + "backlog %.0f "
                            + "at the kill, down %.1f s (restart), %d commands refused meanwhile; %s%n", published[0],
                    backlogAtKill, down.toMillis() / 1000.0, load.refusedCommands(), figures);
            assertThat(figures.storedEvents()).isGreaterThanOrEqualTo(figures.acceptedCommands());
        }
    }

    @Test
    void analyticsKilledMidProjectionCountsEveryEventOnce() throws Exception {
        try (SplitLedger ledger = SplitLedger.start(Set.of(Service.ANALYTICS), Map.of(), work);
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            SplitLedger.Replica analytics = ledger.replicaOf(Service.ANALYTICS);
            CommandLoad load = CommandLoad.start(http, ledger.baseOf(Service.CONTACTS), Duration.ofMillis(20));
            await("load running").atMost(Duration.ofSeconds(60)).until(() -> load.acceptedCommands() >= 60);
            // Mid-projection: analytics has some of the accounts in its timelines, not all of them yet.
            await("analytics projecting").atMost(Duration.ofSeconds(60)).until(() -> http.get(analytics.base()
                    .resolve("/accounts/" + load.accepted().get(0).id() + "/timeline")).status() == 200);
            analytics.jvm().kill();
            Instant killed = Instant.now();
            int atKill = load.acceptedCommands();
            await("load continues without analytics").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acceptedCommands() >= atKill + 60);
            ledger.start(analytics);
            Duration down = Duration.between(killed, Instant.now());
            load.close();

            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    analytics.base(), http, load.accepted(), RECONCILE);
            System.out.printf("fault (e) analytics-service SIGKILL mid-projection: down %.1f s while %d commands went "
                    + "in; %s%n", down.toMillis() / 1000.0, load.acceptedCommands() - atKill, figures);
            assertThat(load.refusals()).as("contacts refused nothing while analytics was down").isEmpty();
        }
    }
}
