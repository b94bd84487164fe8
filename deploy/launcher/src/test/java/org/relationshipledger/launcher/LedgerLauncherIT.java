package org.relationshipledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relationshipledger.contracts.Topics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/** {@code ./ledger up} in miniature: the same launcher code, on free ports and a temporary data directory. */
class LedgerLauncherIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void startsAllFourServicesReadyOnEmbeddedServersAndKeepsDataAcrossARestart() throws Exception {
        LauncherSettings settings = new LauncherSettings(data, FreePorts.one(), FreePorts.one(),
                FreePorts.runOfFour(), Map.of(), false);

        try (RunningLedger ledger = RunningLedger.start(settings)) {
            System.out.println("ledger-launcher: all four services ready in " + ledger.startup().toMillis() + " ms");
            for (LedgerService service : LedgerService.values()) {
                HttpResponse<String> readiness = get(settings.baseUrlOf(service) + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).as(service.serviceName()).isEqualTo(200);
            }
            assertThat(Banner.render(ledger)).contains(settings.baseUrlOf(LedgerService.ANALYTICS) + "/swagger-ui.html");
            try (MongoClient mongo = MongoClients.create(ledger.infrastructure().mongoUri())) {
                mongo.getDatabase("contacts").getCollection("launcher_probe").insertOne(new Document("_id", "kept"));
            }
        }

        try (RunningLedger restarted = RunningLedger.start(settings);
             MongoClient mongo = MongoClients.create(restarted.infrastructure().mongoUri());
             Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     restarted.infrastructure().kafkaBootstrapServers()))) {
            assertThat(mongo.getDatabase("contacts").getCollection("launcher_probe")
                    .find(Filters.eq("_id", "kept")).first()).isNotNull();
            Set<String> topics = kafka.listTopics().names().get();
            assertThat(topics).contains(Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT, Topics.CONTACT_PROFILES);
            assertThat(get(settings.baseUrlOf(LedgerService.CONTACTS) + "/actuator/health").statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
