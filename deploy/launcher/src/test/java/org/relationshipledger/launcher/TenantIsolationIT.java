package org.relationshipledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relationshipledger.testkit.DevelopmentTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Two tenants on the same four services (ADR 0060): every read and write of one tenant's account by the other
 * answers 404 problem+json, writes nothing, and no list shows the other tenant's accounts.
 */
class TenantIsolationIT {

    private static final Duration LEARNING = Duration.ofSeconds(90);

    private final JsonCalls calls = new JsonCalls(HttpClient.newHttpClient(), Duration.ofSeconds(30));

    @TempDir
    Path data;

    private LauncherSettings settings;

    @Test
    void noReadOrWriteCrossesTenantsInAnyService() throws Exception {
        settings = new LauncherSettings(data, FreePorts.one(), FreePorts.one(), FreePorts.runOfFour(), Map.of(), false);
        try (RunningLedger ledger = RunningLedger.start(settings)) {
            DevelopmentTokens key = DevelopmentTokens.in(data.resolve("dev-keys"));
            String alpha = key.mint("alpha-user", "alpha", DevelopmentTokens.ALL_ROLES, Duration.ofHours(1));
            String beta = key.mint("beta-user", "beta", DevelopmentTokens.ALL_ROLES, Duration.ofHours(1));

            Ids a = populate(alpha, "Alpha Shipping", "tm-alpha");
            Ids b = populate(beta, "Beta Foods", "tm-beta");
            Map<String, Long> storedBefore = storedEventCounts(ledger);

            List<String[]> foreignReads = List.of(
                    new String[] {"contacts", "/accounts/" + a.account},
                    new String[] {"contacts", "/accounts/" + a.account + "/contacts"},
                    new String[] {"contacts", "/accounts/" + a.account + "/history"},
                    new String[] {"contacts", "/contacts/" + a.contact},
                    new String[] {"mapping", "/accounts/" + a.account + "/org-chart"},
                    new String[] {"mapping", "/accounts/" + a.account + "/influence-map"},
                    new String[] {"mapping", "/accounts/" + a.account + "/coverage"},
                    new String[] {"mapping", "/accounts/" + a.account + "/power-ranking"},
                    new String[] {"engagement", "/accounts/" + a.account + "/interactions"},
                    new String[] {"engagement", "/accounts/" + a.account + "/tickets"},
                    new String[] {"engagement", "/accounts/" + a.account + "/timeline"},
                    new String[] {"engagement", "/accounts/" + a.account + "/handover-package"},
                    new String[] {"engagement", "/interactions/" + a.interaction},
                    new String[] {"engagement", "/tickets/" + a.ticket},
                    new String[] {"analytics", "/accounts/" + a.account + "/health"},
                    new String[] {"analytics", "/accounts/" + a.account + "/timeline"},
                    new String[] {"analytics", "/audit/accounts/" + a.account + "/verification"},
                    new String[] {"analytics", "/audit/accounts/" + a.account + "/events"});
            for (String[] read : foreignReads) {
                HttpResponse<String> refused = call(beta, "GET", read[0], read[1], null);
                assertThat(refused.statusCode()).as("%s %s: %s", read[0], read[1], refused.body()).isEqualTo(404);
                assertThat(refused.headers().firstValue("Content-Type")).as(read[1]).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.body()).doesNotContain("Alpha Shipping");
            }

            String at = "/accounts/" + a.account;
            List<HttpResponse<String>> foreignWrites = List.of(
                    call(beta, "POST", "contacts", at + "/contacts",
                            Map.of("fullName", "Intruder", "title", "Spy", "seniority", "DIRECTOR")),
                    call(beta, "POST", "contacts", at + "/churn", Map.of("reason", "PRICE")),
                    call(beta, "POST", "contacts", "/contacts/" + a.contact + "/erasure", Map.of()),
                    call(beta, "PUT", "mapping", at + "/affinities",
                            Map.of("contactId", a.contact, "teamMemberId", "tm-beta", "score", 0, "note", "x")),
                    call(beta, "POST", "engagement", at + "/owner", Map.of("ownerId", "tm-beta", "assignedBy", "tm-beta")),
                    call(beta, "POST", "engagement", "/tickets/" + a.ticket + "/resolution", Map.of("resolvedBy", "tm-beta")),
                    call(beta, "POST", "engagement", "/interactions/" + a.interaction + "/retraction",
                            Map.of("retractedBy", "tm-beta", "reason", "x")),
                    // Beta's own account may not name alpha's contact either.
                    call(beta, "PUT", "mapping", "/accounts/" + b.account + "/affinities",
                            Map.of("contactId", a.contact, "teamMemberId", "tm-beta", "score", 1, "note", "x")));
            for (HttpResponse<String> refused : foreignWrites) {
                assertThat(refused.statusCode()).as("%s: %s", refused.request().uri(), refused.body()).isEqualTo(404);
            }
            assertThat(storedEventCounts(ledger)).as("refused writes record nothing").isEqualTo(storedBefore);

            assertThat(call(beta, "GET", "contacts", "/accounts", null).body())
                    .contains(b.account).doesNotContain(a.account);
            assertThat(call(beta, "GET", "engagement", "/team-members/tm-alpha/accounts", null).body())
                    .doesNotContain(a.account);
            assertThat(call(alpha, "GET", "engagement", "/team-members/tm-alpha/accounts", null).body())
                    .contains(a.account);
            assertThat(call(beta, "GET", "analytics", "/accounts/at-risk", null).body()).doesNotContain(a.account);
            JsonNode alphaKpis = body(expect(200, call(alpha, "GET", "analytics", "/kpis?groupBy=owner", null)));
            JsonNode betaKpis = body(expect(200, call(beta, "GET", "analytics", "/kpis?groupBy=owner", null)));
            assertThat(alphaKpis.toString()).contains("tm-alpha").doesNotContain("tm-beta");
            assertThat(betaKpis.toString()).contains("tm-beta").doesNotContain("tm-alpha");

            assertThat(call(alpha, "GET", "mapping", at + "/org-chart", null).statusCode())
                    .as("the owner still reads everything").isEqualTo(200);
            assertThat(call(ledger.token(), "GET", "analytics", at + "/health", null).statusCode())
                    .as("the default tenant is just another tenant").isEqualTo(404);
        }
    }

    private record Ids(String account, String contact, String interaction, String ticket) {
    }

    /** A tenant's account with a contact, an affinity, an owner, an interaction and a ticket, seen by analytics. */
    private Ids populate(String token, String name, String teamMember) throws Exception {
        String account = body(expect(201, call(token, "POST", "contacts", "/accounts",
                Map.of("name", name, "industry", "Logistics", "segment", "ENTERPRISE", "region", "EMEA"))))
                .get("id").asText();
        String contact = body(expect(201, call(token, "POST", "contacts", "/accounts/" + account + "/contacts",
                Map.of("fullName", name + " Buyer", "title", "Head of Procurement", "seniority", "DIRECTOR"))))
                .get("id").asText();
        String at = "/accounts/" + account;
        afterLearning(token, "PUT", "mapping", at + "/affinities",
                Map.of("contactId", contact, "teamMemberId", teamMember, "score", 5, "note", "met twice"));
        afterLearning(token, "POST", "engagement", at + "/owner", Map.of("ownerId", teamMember, "assignedBy", teamMember));
        Map<String, Object> touchpoint = new LinkedHashMap<>();
        touchpoint.put("channel", "MEETING");
        touchpoint.put("direction", "OUTBOUND");
        touchpoint.put("occurredAt", Instant.now().minus(Duration.ofDays(2)).toString());
        touchpoint.put("contactIds", List.of(contact));
        touchpoint.put("teamMemberIds", List.of(teamMember));
        touchpoint.put("sentiment", 1);
        touchpoint.put("summary", "Quarterly review");
        touchpoint.put("recordedBy", teamMember);
        String interaction = body(afterLearning(token, "POST", "engagement", at + "/interactions", touchpoint))
                .get("interactionId").asText();
        String ticket = body(afterLearning(token, "POST", "engagement", at + "/tickets", Map.of("severity", "HIGH",
                "subject", "Invoices late", "contactId", contact, "openedBy", teamMember))).get("ticketId").asText();
        await().atMost(LEARNING).until(() -> call(token, "GET", "analytics", at + "/health", null).statusCode() == 200);
        return new Ids(account, contact, interaction, ticket);
    }

    private HttpResponse<String> afterLearning(String token, String method, String service, String path, Object body) {
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(LEARNING).until(() -> {
            last[0] = call(token, method, service, path, body);
            return last[0].statusCode() != 404;
        });
        assertThat(last[0].statusCode() / 100).as("%s %s: %s", method, path, last[0].body()).isEqualTo(2);
        return last[0];
    }

    private Map<String, Long> storedEventCounts(RunningLedger ledger) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create(ledger.infrastructure().mongoUri())) {
            for (String database : List.of("contacts", "mapping", "engagement")) {
                counts.put(database, mongo.getDatabase(database).getCollection("domainevents")
                        .countDocuments(new Document()));
            }
        }
        return counts;
    }

    /** Every request of this test goes through here. */
    private HttpResponse<String> call(String token, String method, String service, String path, Object body)
            throws IOException, InterruptedException {
        LedgerService target = switch (service) {
            case "contacts" -> LedgerService.CONTACTS;
            case "mapping" -> LedgerService.MAPPING;
            case "engagement" -> LedgerService.ENGAGEMENT;
            case "analytics" -> LedgerService.ANALYTICS;
            default -> throw new IllegalArgumentException(service);
        };
        return calls.send(token, method, URI.create(settings.baseUrlOf(target) + path), body);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        return JsonCalls.expect(status, response);
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        return JsonCalls.json(response);
    }
}
