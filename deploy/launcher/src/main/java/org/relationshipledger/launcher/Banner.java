package org.relationshipledger.launcher;

/** What {@code ./ledger up} prints once every service is up. */
final class Banner {

    private Banner() {
    }

    static String render(RunningLedger ledger) {
        LauncherSettings settings = ledger.settings();
        LocalInfrastructure infrastructure = ledger.infrastructure();
        StringBuilder text = new StringBuilder("\n");
        text.append("Relationship Ledger is up (").append(ledger.startup().toMillis() / 1000.0).append(" s");
        if (ledger.demoLoad().toMillis() >= 1000) {
            text.append(", demo data ").append(ledger.demoLoad().toMillis() / 1000.0).append(" s");
        }
        text.append(").\n\n");
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
        if (!ledger.token().isEmpty()) {
            text.append("""

                    Every API call needs a bearer token. A development token (tenant "default", roles viewer, editor,
                    auditor and admin, valid 12 h, signed by the key in %s):
                      export LEDGER_TOKEN=%s
                    """.formatted(settings.dataDirectory().resolve("dev-keys"), ledger.token()));
        }
        String auth = "-H \"Authorization: Bearer $LEDGER_TOKEN\" ";
        ledger.showcaseAccountId().ifPresent(id -> text.append("""

                Demo: Northwind Logistics, the strategic account (see deploy/launcher/README.md for who is who):
                  curl -s %s%s/accounts/%s/org-chart
                  curl -s %s%s/accounts/%s/backward-mapping
                  curl -s %s%s/accounts/%s/health
                """.formatted(auth, settings.baseUrlOf(LedgerService.MAPPING), id,
                auth, settings.baseUrlOf(LedgerService.MAPPING), id,
                auth, settings.baseUrlOf(LedgerService.ANALYTICS), id)));
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
