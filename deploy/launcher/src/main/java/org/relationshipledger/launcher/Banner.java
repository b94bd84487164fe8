package org.relationshipledger.launcher;

/** What {@code ./ledger up} prints once every service is up. */
final class Banner {

    private Banner() {
    }

    static String render(RunningLedger ledger) {
        LauncherSettings settings = ledger.settings();
        LocalInfrastructure infrastructure = ledger.infrastructure();
        StringBuilder text = new StringBuilder("\n");
        text.append("Relationship Ledger is up (").append(ledger.startup().toMillis() / 1000.0).append(" s).\n\n");
        for (LedgerService service : LedgerService.values()) {
            String url = settings.baseUrlOf(service);
            text.append(String.format("  %-19s %s   OpenAPI UI %s/swagger-ui.html   health %s/actuator/health%n",
                    service.serviceName(), url, url, url));
        }
        text.append("\n  Kafka   ").append(infrastructure.kafkaBootstrapServers())
                .append("\n  MongoDB ").append(infrastructure.mongoUri());
        text.append(infrastructure.embedded()
                ? "\n  data    " + settings.dataDirectory() + " (./ledger reset wipes it)\n"
                : "\n  (real servers from MONGODB_URI / KAFKA_BOOTSTRAP_SERVERS)\n");
        text.append("""

                Try:
                  curl -s %s/actuator/health
                  curl -s %s/v3/api-docs | head -c 300
                  curl -s %s/actuator/prometheus | grep ledger_relay

                Ctrl-C stops everything; ./ledger up again resumes with the same data.
                """.formatted(settings.baseUrlOf(LedgerService.CONTACTS), settings.baseUrlOf(LedgerService.MAPPING),
                settings.baseUrlOf(LedgerService.CONTACTS)));
        return text.toString();
    }
}
