package org.relationshipledger.launcher.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady command load on contacts-service from one thread: open an account, add two contacts to it, again and
 * again at a fixed pace. Remembers exactly which commands were accepted (2xx), which the reconciliation then
 * looks for in the event store, on Kafka and in analytics.
 */
final class CommandLoad implements AutoCloseable {

    /** An accepted account with the contacts accepted into it. */
    record Account(String id, List<String> contactIds) {

        int commands() {
            return 1 + contactIds.size();
        }
    }

    private final LedgerHttp http;
    private final URI contacts;
    private final Duration pace;
    private final List<Account> accepted = new ArrayList<>();
    private final AtomicInteger acceptedCommands = new AtomicInteger();
    private final AtomicInteger refusedCommands = new AtomicInteger();
    private final List<String> refusals = new ArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;

    private CommandLoad(LedgerHttp http, URI contacts, Duration pace) {
        this.http = http;
        this.contacts = contacts;
        this.pace = pace;
        this.worker = Thread.ofPlatform().name("command-load").daemon().start(this::run);
    }

    static CommandLoad start(LedgerHttp http, URI contacts, Duration pace) {
        return new CommandLoad(http, contacts, pace);
    }

    private void run() {
        int n = 0;
        while (running) {
            n++;
            String account = accept(contacts.resolve("/accounts"), Map.of("name", "Load Account " + n,
                    "industry", "Logistics", "segment", "MID_MARKET", "region", "EMEA"));
            if (account != null) {
                List<String> people = new ArrayList<>();
                for (int i = 1; i <= 2 && running; i++) {
                    String contact = accept(contacts.resolve("/accounts/" + account + "/contacts"), Map.of(
                            "fullName", "Person " + n + "-" + i, "email", "p" + n + "-" + i + "@load.example.com",
                            "title", "Manager", "department", "Operations"));
                    if (contact != null) {
                        people.add(contact);
                    }
                }
                synchronized (this) {
                    accepted.add(new Account(account, List.copyOf(people)));
                }
            }
            LockSupport.parkNanos(pace.toNanos());
        }
    }

    private String accept(URI uri, Object body) {
        try {
            LedgerHttp.Answer answer = http.postJson(uri, body);
            if (answer.status() / 100 == 2) {
                acceptedCommands.incrementAndGet();
                return answer.json().get("id").asText();
            }
            refused(answer.status() + " " + answer.text());
        } catch (RuntimeException e) {
            // A timeout after the service may have appended: the reconciliation counts the store, so a command that
            // went in although we saw no answer shows up there as one more than accepted.
            refused(e.toString());
        }
        return null;
    }

    private synchronized void refused(String reason) {
        refusedCommands.incrementAndGet();
        if (refusals.size() < 10) {
            refusals.add(reason);
        }
    }

    int acceptedCommands() {
        return acceptedCommands.get();
    }

    int refusedCommands() {
        return refusedCommands.get();
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    synchronized List<Account> accepted() {
        return List.copyOf(accepted);
    }

    /** Stops after the command in flight. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
