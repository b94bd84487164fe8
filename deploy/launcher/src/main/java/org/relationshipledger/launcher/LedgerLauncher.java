package org.relationshipledger.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./ledger up}: starts the embedded Kafka broker and MongoDB-wire server (or uses real ones), then all four
 * services in this JVM as separate Spring contexts (ADR 0055), prints where they answer, and on Ctrl-C stops
 * everything in reverse order. Data lives under the data directory ({@code ./data} by default) and survives a
 * restart.
 */
public final class LedgerLauncher {

    private LedgerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunningLedger ledger = RunningLedger.start(LauncherSettings.fromSystem());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nledger: stopping...");
            ledger.close();
            stopped.countDown();
        }, "ledger-shutdown"));
        System.out.println(Banner.render(ledger));
        stopped.await();
    }
}
