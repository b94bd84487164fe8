package org.relationshipledger.launcher.reliability;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outbox relay's meters as a service's Prometheus endpoint shows them (ledger-core's RelayMetrics). */
final class RelayMeters {

    private final LedgerHttp http;
    private final URI service;

    RelayMeters(LedgerHttp http, URI service) {
        this.http = http;
        this.service = service;
    }

    /** Committed events the relay has not had acknowledged yet, as of its last round. */
    double unpublished() {
        return value("ledger_relay_unpublished");
    }

    double oldestUnpublishedAgeSeconds() {
        return value("ledger_relay_oldest_unpublished_age");
    }

    /** Relay rounds that failed and were retried. */
    double failures() {
        return value("ledger_relay_failures");
    }

    /** 1 when this replica holds the relay lease. */
    double leaseHeld() {
        return value("ledger_relay_lease_held");
    }

    double published() {
        return value("ledger_relay_published");
    }

    private double value(String meter) {
        LedgerHttp.Answer answer = http.exchange("GET", service.resolve("/actuator/prometheus"),
                Map.of("Accept", "text/plain"), null);
        if (answer.status() != 200) {
            throw new AssertionError("prometheus answered " + answer.status() + ": " + answer.text());
        }
        String text = answer.text();
        Matcher line = Pattern.compile("(?m)^" + meter + "\\w*(?:\\{[^}]*\\})? (\\S+)$").matcher(text);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
