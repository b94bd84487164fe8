package org.relationshipledger.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.consumer.DeadLetters;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.eventstore.HashChain;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.sample.SampleAccount;
import org.relationshipledger.core.sample.SampleApplication;
import org.relationshipledger.core.sample.SampleProjection;
import org.relationshipledger.testkit.DevelopmentTokens;
import org.relationshipledger.testkit.KafkaTestConsumer;
import org.relationshipledger.testkit.RealInfrastructure;
import org.relationshipledger.testkit.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Authentication, roles and tenant isolation on a service built on the chassis, over real HTTP, Kafka and Mongo. */
@WithRealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityAndTenancyIT {

    private static final DevelopmentTokens TOKENS = DevelopmentTokens.forTests();

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    MongoDatabase ledgerDatabase;

    @Test
    void healthProbesAndTheApiDocumentNeedNoToken() {
        assertThat(anonymous().getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous().getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> document = anonymous().getForEntity("/v3/api-docs", String.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).as("the Swagger UI can offer Authorize").contains("\"bearer-jwt\"", "JWT");
    }

    @Test
    void anApiCallWithoutATokenIsRefusedWith401ProblemJson() {
        ResponseEntity<Map> refused = anonymous().getForEntity("/accounts/" + UUID.randomUUID(), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(refused.getBody()).containsEntry("status", 401);
    }

    @Test
    void tokensSignedByAnotherKeyExpiredOrWithoutTenantAreRefused(@TempDir Path elsewhere) throws Exception {
        String forged = DevelopmentTokens.in(Files.createDirectories(elsewhere.resolve("keys"))).mint("default", "admin");
        String expired = TOKENS.mint("someone", "default", List.of("admin"), Duration.ofMinutes(-10));
        String tenantless = TOKENS.mint("someone", null, List.of("admin"), Duration.ofMinutes(10));
        String badTenant = TOKENS.mint("someone", "{\"$gt\": \"\"}", List.of("admin"), Duration.ofMinutes(10));

        for (String token : List.of(forged, expired, tenantless, badTenant, "not-a-jwt")) {
            ResponseEntity<Map> refused = call(HttpMethod.GET, "/accounts/" + UUID.randomUUID(), token, null);
            assertThat(refused.getStatusCode()).as(token).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
            assertThat(String.valueOf(refused.getBody())).doesNotContain(token);
        }
    }

    @Test
    void aViewerReadsButAWriteGets403AndWritesNothing() {
        long before = storedEvents.collection().countDocuments();
        String viewer = TOKENS.mint("default", "viewer");

        ResponseEntity<Map> write = call(HttpMethod.POST, "/accounts", viewer, Map.of("name", "Viewer Ltd"));
        ResponseEntity<Map> read = call(HttpMethod.GET, "/accounts/" + UUID.randomUUID(), viewer, null);

        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(write.getHeaders().getContentType()).isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(read.getStatusCode()).as("allowed to read; the account just does not exist")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(storedEvents.collection().countDocuments()).isEqualTo(before);
    }

    @Test
    void auditNeedsAnAuditorErasureNeedsAnAdminAndUnknownRolesGrantNothing() {
        String account = "/accounts/" + UUID.randomUUID();
        String editor = TOKENS.mint("default", "editor");
        String auditor = TOKENS.mint("default", "auditor");
        String admin = TOKENS.mint("default", "admin");
        String superuser = TOKENS.mint("default", "superuser", "root");

        assertThat(call(HttpMethod.GET, "/audit" + account + "/events", editor, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "/audit" + account + "/events", auditor, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.POST, "/accounts", auditor, Map.of("name", "Auditor Ltd")).getStatusCode())
                .as("auditors read everything and write nothing").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, account + "/erasure", editor, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, account + "/erasure", admin, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.GET, account, superuser, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anotherTenantsAccountAnswers404LikeAnUnknownOneAndItsWritesWriteNothing() {
        String tenantA = TOKENS.mint("tenant-a", "editor", "viewer");
        String tenantB = TOKENS.mint("tenant-b", "editor", "viewer", "auditor", "admin");
        String account = open(tenantA, "Tenant A Ltd");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(call(HttpMethod.GET, "/accounts/" + account, tenantA, null).getStatusCode())
                        .isEqualTo(HttpStatus.OK));

        ResponseEntity<Map> foreign = call(HttpMethod.GET, "/accounts/" + account, tenantB, null);
        String unknownId = UUID.randomUUID().toString();
        ResponseEntity<Map> unknown = call(HttpMethod.GET, "/accounts/" + unknownId, tenantB, null);
        ResponseEntity<Map> foreignWrite = call(HttpMethod.POST, "/accounts/" + account + "/value", tenantB,
                Map.of("annualValue", 5));
        ResponseEntity<Map> foreignAudit = call(HttpMethod.GET, "/audit/accounts/" + account + "/events", tenantB, null);
        ResponseEntity<Map> defaultTenant = call(HttpMethod.GET, "/accounts/" + account, null, null);

        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getHeaders().getContentType()).isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(String.valueOf(foreign.getBody().get("detail")).replace(account, "ID"))
                .isEqualTo(String.valueOf(unknown.getBody().get("detail")).replace(unknownId, "ID"));
        assertThat(foreignWrite.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignAudit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(defaultTenant.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(storedEvents.collection().countDocuments(Filters.eq("aggregateIdentifier", account)))
                .as("the refused write recorded nothing").isEqualTo(1);
    }

    @Test
    void everyEventOnKafkaCarriesItsAccountsTenantEvenWhenSentWithoutACaller() {
        String tenantA = TOKENS.mint("tenant-a", "editor");
        String account = open(tenantA, "Carried Ltd");
        // A scheduled job or a migration sends commands with no caller: the relay stamps the account's owner.
        commands.sendAndWait(new SampleAccount.ChangeValue(account, BigDecimal.TEN));

        try (KafkaTestConsumer kafka = new KafkaTestConsumer(RealInfrastructure.get().kafkaBootstrapServers())) {
            List<LedgerEnvelope> received = kafka.readUntil(
                            all -> all.stream().filter(r -> account.equals(r.key())).count() >= 2,
                            Duration.ofSeconds(30), Topics.CONTACTS).stream()
                    .filter(r -> account.equals(r.key())).map(EnvelopeCodec::fromRecord).toList();
            assertThat(received).hasSize(2).extracting(LedgerEnvelope::tenantId).containsOnly("tenant-a");
        }
        Document opened = storedEvents.collection().find(Filters.eq("aggregateIdentifier", account)).first();
        assertThat(storedEvents.metaData(opened).get("tenantId"))
                .as("the caller's tenant is recorded with the event").isEqualTo("tenant-a");
    }

    @Test
    void aRecordNamingAnotherTenantForAnOwnedAccountIsParkedAndCountsNothing() throws Exception {
        String account = open(TOKENS.mint("tenant-a", "editor"), "Owned Ltd");
        var counts = ledgerDatabase.getCollection(SampleProjection.COLLECTION);
        await().atMost(Duration.ofSeconds(30)).until(() -> counts.find(Filters.eq("_id", account)).first() != null);

        LedgerEnvelope forged = new LedgerEnvelope(UUID.randomUUID().toString(), "/relationship-ledger/intruder",
                "contacts.AccountOpened", 1, Instant.now(), account, account, "Account", 1, "tenant-b", null,
                "f".repeat(64), HashChain.GENESIS, "{}".getBytes());
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", RealInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(EnvelopeCodec.toRecord(Topics.CONTACTS, account, forged)).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Document> parked = ledgerDatabase.getCollection(DeadLetters.COLLECTION)
                    .find(Filters.eq("key", account)).into(new ArrayList<>());
            assertThat(parked).singleElement().satisfies(d ->
                    assertThat(d.getString("reason")).contains("another tenant owns"));
        });
        assertThat(counts.find(Filters.eq("_id", account)).first().get("events")).isEqualTo(1);
    }

    private String open(String token, String name) {
        ResponseEntity<Map> opened = call(HttpMethod.POST, "/accounts", token, Map.of("name", name));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("id");
    }

    /** {@code token} null: the test kit's default token (tenant {@code default}, every role). */
    private ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token == null ? TOKENS.defaultToken() : token);
        return anonymous().exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private TestRestTemplate anonymous() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }
}
