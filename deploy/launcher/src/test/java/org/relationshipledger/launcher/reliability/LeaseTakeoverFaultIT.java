package org.relationshipledger.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Fault (f): two replicas of contacts-service; the one holding the relay lease is SIGKILLed. The other takes the
 * lease over within the lease time and publishes what the first left behind, each stream still in order.
 */
class LeaseTakeoverFaultIT {

    static final Duration LEASE_TTL = Duration.ofSeconds(6);
    private static final Duration RECONCILE = Duration.ofMinutes(3);

    private final LedgerHttp http = new LedgerHttp();

    @TempDir
    Path work;

    @Test
    void theStandbyReplicaTakesTheRelayOverWithinTheLeaseTimeAndKeepsStreamOrder() throws Exception {
        try (SplitLedger ledger = SplitLedger.start(Set.of(Service.CONTACTS),
                Map.of("ledger.relay.lease-ttl", LEASE_TTL.toSeconds() + "s"), work);
             MongoClient mongo = MongoClients.create(ledger.mongoUri())) {
            SplitLedger.Replica first = ledger.replicaOf(Service.CONTACTS);
            SplitLedger.Replica second = ledger.replica(Service.CONTACTS);
            RelayMeters firstRelay = new RelayMeters(http, first.base());
            RelayMeters secondRelay = new RelayMeters(http, second.base());
            await("one replica holds the lease").atMost(Duration.ofSeconds(30))
                    .until(() -> firstRelay.leaseHeld() + secondRelay.leaseHeld() == 1);
            boolean firstLeads = firstRelay.leaseHeld() == 1;
            SplitLedger.Replica holder = firstLeads ? first : second;
            SplitLedger.Replica standby = firstLeads ? second : first;
            RelayMeters standbyRelay = firstLeads ? secondRelay : firstRelay;

            // Commands go to both replicas, half each, so the holder has unpublished events of its own when killed.
            CommandLoad toHolder = CommandLoad.start(http, holder.base(), Duration.ofMillis(40));
            CommandLoad toStandby = CommandLoad.start(http, standby.base(), Duration.ofMillis(40));
            await("load running").atMost(Duration.ofSeconds(60))
                    .until(() -> toHolder.acceptedCommands() >= 30 && toStandby.acceptedCommands() >= 30);
            holder.jvm().kill();
            Instant killed = Instant.now();
            toHolder.close();
            await("standby takes the lease").atMost(LEASE_TTL.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> standbyRelay.leaseHeld() == 1);
            Duration takeover = Duration.between(killed, Instant.now());
            int atTakeover = toStandby.acceptedCommands();
            await("load continues on the standby").atMost(Duration.ofSeconds(60))
                    .until(() -> toStandby.acceptedCommands() >= atTakeover + 30);
            toStandby.close();

            List<CommandLoad.Account> accepted = new ArrayList<>(toHolder.accepted());
            accepted.addAll(toStandby.accepted());
            Reconciliation.Figures figures = Reconciliation.check(mongo, ledger.kafkaBootstrapServers(),
                    ledger.baseOf(Service.ANALYTICS), http, accepted, RECONCILE);
            System.out.printf("fault (f) lease holder SIGKILL: standby took the relay over %.1f s after the kill "
                    + "(lease %d s); %s%n", takeover.toMillis() / 1000.0, LEASE_TTL.toSeconds(), figures);
            assertThat(takeover).as("takeover time").isLessThanOrEqualTo(LEASE_TTL.plusSeconds(3));
        }
    }
}
