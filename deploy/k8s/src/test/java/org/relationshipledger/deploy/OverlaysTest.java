package org.relationshipledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays, rendered as {@code kubectl apply -k} would, satisfy every rule. */
class OverlaysTest {

    static final List<String> SERVICES = List.of("contacts-service", "mapping-service", "engagement-service", "analytics-service");

    static Manifests render(String overlay) {
        return Manifests.render(LedgerSources.k8s().resolve("overlays").resolve(overlay));
    }

    static OperatorProvided operatorProvided() {
        return OperatorProvided.load(LedgerSources.k8s().resolve("operator-provided.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasStartupLivenessAndReadinessProbesOnTheActuatorHealthGroups(String overlay) {
        assertThat(ManifestRules.probes(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRequestsAndIsLimitedInCpuAndMemory(String overlay) {
        assertThat(ManifestRules.resources(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutCapabilities(String overlay) {
        assertThat(ManifestRules.securityContexts(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsPinnedByAVersionTag(String overlay) {
        assertThat(ManifestRules.images(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsTheDeploymentItFronts(String overlay) {
        assertThat(ManifestRules.serviceSelectors(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigMapAndSecretKeyAPodReadsIsRenderedOrOperatorProvided(String overlay) {
        assertThat(ManifestRules.references(render(overlay), operatorProvided())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheSourcesNameHasAKafkaTopicThatKeepsItsHistory(String overlay) {
        assertThat(ManifestRules.topics(render(overlay), LedgerSources.topicNames())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsIsolatedByANetworkPolicyReachingOnlyDnsIdentityKafkaAndMongo(String overlay) {
        assertThat(ManifestRules.networkPolicies(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noCredentialsAreWrittenIntoTheManifests(String overlay) {
        assertThat(ManifestRules.noSecretValues(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentScalesByOneAutoscalerAndHasADisruptionBudget(String overlay) {
        assertThat(ManifestRules.scalingAndDisruption(render(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerListensOnItsServerPortAndIsScrapedThere(String overlay) {
        assertThat(ManifestRules.ports(render(overlay), LedgerSources::serverPort)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersTheFourServicesIntoTheOverlaysNamespace(String overlay) {
        Manifests manifests = render(overlay);

        assertThat(manifests.deployments()).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(manifests.documents()).allSatisfy(document -> {
            String expected = "ledger-" + overlay;
            JsonNode metadata = document.path("metadata");
            if (document.path("kind").asText().equals("Namespace")) {
                assertThat(metadata.path("name").asText()).isEqualTo(expected);
            } else {
                assertThat(metadata.path("namespace").asText()).as(document.path("kind") + "/" + metadata.path("name"))
                        .isEqualTo(expected);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesLeaveTopicsToStrimziAndReadMongoFromTheirOwnSecret(String overlay) {
        Manifests manifests = render(overlay);

        for (Deployment deployment : manifests.deployments()) {
            String service = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).isEqualTo("ghcr.io/relationship-ledger/" + service + ":0.1.0");
            assertThat(manifests.resource("ConfigMap", service + "-config").path("data").path("LEDGER_KAFKA_CREATE_TOPICS").asText())
                    .isEqualTo("false");
            assertThat(container.getEnv()).filteredOn(env -> env.getName().equals("MONGODB_URI")).singleElement()
                    .satisfies(env -> {
                        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service + "-mongodb");
                        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("uri");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsGetNoServiceLinkVariablesForSpringToMisread(String overlay) {
        assertThat(render(overlay).deployments())
                .allSatisfy(deployment -> assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse());
    }

    @Test
    void theTopicSearchFindsEveryTopicOfThePublishedLanguage() {
        // Without this, a broken search would find no topics and the topic rule would pass vacuously.
        assertThat(LedgerSources.topicNames())
                .contains("ledger.contacts.v1", "ledger.mapping.v1", "ledger.engagement.v1", "ledger.contact-profiles.v1");
    }

    @Test
    void eventTopicsAreKeptForeverAndTheProfileTopicIsCompacted() {
        Map<String, JsonNode> configs = render("prod").kafkaTopics().stream().collect(Collectors.toMap(
                topic -> topic.path("spec").path("topicName").asText(), topic -> topic.path("spec").path("config")));

        assertThat(List.of("ledger.contacts.v1", "ledger.mapping.v1", "ledger.engagement.v1")).allSatisfy(topic -> {
            assertThat(configs.get(topic).path("retention.ms").asLong()).isEqualTo(-1);
            assertThat(configs.get(topic).path("cleanup.policy").asText()).isEqualTo("delete");
        });
        assertThat(configs.get("ledger.contact-profiles.v1").path("cleanup.policy").asText()).isEqualTo("compact");
    }

    @Test
    void devRunsOneReplicaOnThreePartitions() {
        Manifests dev = render("dev");

        assertThat(dev.autoscalers()).extracting(hpa -> hpa.getSpec().getMinReplicas()).containsOnly(1);
        assertThat(dev.kafkaTopics()).extracting(topic -> topic.path("spec").path("partitions").asInt()).containsOnly(3);
    }

    @Test
    void prodKeepsAtLeastTwoReplicasAndNeverMoreThanThePartitionsCanFeed() {
        Manifests prod = render("prod");
        int partitions = prod.kafkaTopics().stream().mapToInt(topic -> topic.path("spec").path("partitions").asInt()).min().orElseThrow();

        assertThat(partitions).isEqualTo(12);
        assertThat(prod.autoscalers()).allSatisfy((HorizontalPodAutoscaler hpa) -> {
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
        });
    }
}
