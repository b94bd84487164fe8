package org.relationshipledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on the real dev rendering with exactly one thing broken, so no rule passes because it
 * cannot fail.
 */
class ManifestRulesTest {

    static final Manifests VALID = OverlaysTest.render("dev");
    static final OperatorProvided PROVIDED = OverlaysTest.operatorProvided();
    static final String SERVICE = "contacts-service";

    static Manifests breakDeployment(Consumer<ObjectNode> change) {
        return VALID.with("Deployment", SERVICE, change);
    }

    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    static void assertRuleCatches(Function<Manifests, List<String>> rule, Manifests broken, String violation) {
        assertThat(rule.apply(VALID)).as("the unbroken rendering").isEmpty();
        assertThat(rule.apply(broken)).anySatisfy(message -> assertThat(message).contains(violation));
    }

    @Nested
    class Probes {

        @Test
        void catchesAContainerWithoutLivenessProbe() {
            assertRuleCatches(ManifestRules::probes,
                    breakDeployment(deployment -> container(deployment).remove("livenessProbe")),
                    "no HTTP liveness probe");
        }

        @Test
        void catchesAReadinessProbeOffTheReadinessGroup() {
            assertRuleCatches(ManifestRules::probes,
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).at("/readinessProbe/httpGet"))
                            .put("path", "/actuator/health")),
                    "readiness probe asks /actuator/health instead of /actuator/health/readiness");
        }

        @Test
        void catchesAProbeOnAPortTheContainerDoesNotOpen() {
            assertRuleCatches(ManifestRules::probes,
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).at("/livenessProbe/httpGet"))
                            .put("port", "management")),
                    "liveness probe port management is no container port");
        }

        @Test
        void catchesAContainerWithoutStartupProbe() {
            assertRuleCatches(ManifestRules::probes,
                    breakDeployment(deployment -> container(deployment).remove("startupProbe")),
                    "no startupProbe");
        }
    }

    @Test
    void resourcesCatchAContainerWithoutLimits() {
        assertRuleCatches(ManifestRules::resources,
                breakDeployment(deployment -> ((ObjectNode) container(deployment).get("resources")).remove("limits")),
                "no memory limit");
    }

    @Nested
    class SecurityContexts {

        @Test
        void catchesAWritableRootFilesystem() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).get("securityContext"))
                            .put("readOnlyRootFilesystem", false)),
                    "root filesystem is writable");
        }

        @Test
        void catchesAReadOnlyRootWithoutScratchSpace() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> container(deployment).remove("volumeMounts")),
                    "no writable volume at /tmp");
        }

        @Test
        void catchesAContainerThatMayRunAsRoot() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> {
                        ((ObjectNode) container(deployment).get("securityContext")).remove("runAsNonRoot");
                        ((ObjectNode) deployment.at("/spec/template/spec/securityContext")).remove("runAsNonRoot");
                    }),
                    "runAsNonRoot is not true");
        }

        @Test
        void catchesCapabilitiesThatAreKept() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).get("securityContext")).remove("capabilities")),
                    "capabilities are not dropped");
        }

        @Test
        void catchesPrivilegeEscalation() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).get("securityContext"))
                            .put("allowPrivilegeEscalation", true)),
                    "allowPrivilegeEscalation is not false");
        }

        @Test
        void catchesAMountedServiceAccountToken() {
            assertRuleCatches(ManifestRules::securityContexts,
                    breakDeployment(deployment -> ((ObjectNode) deployment.at("/spec/template/spec")).remove("automountServiceAccountToken")),
                    "mounts a service account token");
        }
    }

    @Nested
    class Images {

        @Test
        void catchesTheLatestTag() {
            assertRuleCatches(ManifestRules::images,
                    breakDeployment(deployment -> container(deployment).put("image", "ghcr.io/relationship-ledger/contacts-service:latest")),
                    "is not pinned");
        }

        @Test
        void catchesAnUntaggedImageBehindARegistryPort() {
            assertRuleCatches(ManifestRules::images,
                    breakDeployment(deployment -> container(deployment).put("image", "registry.local:5000/contacts-service")),
                    "is not pinned");
        }

        @Test
        void acceptsOnlyVersionTagsAndDigests() {
            assertThat(ManifestRules.isImmutable("ghcr.io/relationship-ledger/contacts-service:0.1.0")).isTrue();
            assertThat(ManifestRules.isImmutable("ghcr.io/x/y@sha256:" + "a".repeat(64))).isTrue();
            assertThat(ManifestRules.isImmutable("ghcr.io/x/y:main")).isFalse();
            assertThat(ManifestRules.isImmutable("y")).isFalse();
        }
    }

    @Nested
    class ServiceSelectors {

        @Test
        void catchesASelectorMatchingNoPods() {
            assertRuleCatches(ManifestRules::serviceSelectors,
                    VALID.with("Service", SERVICE, service -> ((ObjectNode) service.at("/spec/selector"))
                            .put("app.kubernetes.io/name", "contact-service")),
                    "matches no Deployment's pods");
        }

        @Test
        void catchesATargetPortThePodsDoNotOpen() {
            assertRuleCatches(ManifestRules::serviceSelectors,
                    VALID.with("Service", SERVICE, service -> ((ObjectNode) service.at("/spec/ports/0")).put("targetPort", 8080)),
                    "targetPort 8080 is no container port");
        }
    }

    @Nested
    class References {

        @Test
        void catchesASecretKeyNobodyProvides() {
            assertRuleCatches(manifests -> ManifestRules.references(manifests, PROVIDED),
                    breakDeployment(deployment -> secretRefOf(deployment, "MONGODB_URI").put("key", "password")),
                    "reads key password of Secret contacts-service-mongodb");
        }

        @Test
        void catchesASecretThatIsNeitherRenderedNorAllowListed() {
            assertRuleCatches(manifests -> ManifestRules.references(manifests, PROVIDED),
                    breakDeployment(deployment -> secretRefOf(deployment, "MONGODB_URI").put("name", "ledger-mongodb")),
                    "reads Secret ledger-mongodb, which is neither rendered nor operator-provided");
        }

        @Test
        void catchesAConfigMapThatIsNotRendered() {
            assertRuleCatches(manifests -> ManifestRules.references(manifests, PROVIDED),
                    VALID.without("ConfigMap", "ledger-kafka"),
                    "reads ConfigMap ledger-kafka, which is neither rendered nor operator-provided");
        }

        private static ObjectNode secretRefOf(ObjectNode deployment, String variable) {
            for (var env : container(deployment).get("env")) {
                if (env.path("name").asText().equals(variable)) {
                    return (ObjectNode) env.at("/valueFrom/secretKeyRef");
                }
            }
            throw new AssertionError(variable + " is not set");
        }
    }

    @Nested
    class Topics {

        @Test
        void catchesATopicWithoutKafkaTopic() {
            assertRuleCatches(manifests -> ManifestRules.topics(manifests, LedgerSources.topicNames()),
                    VALID.without("KafkaTopic", "ledger-mapping-v1"),
                    "topic ledger.mapping.v1: no KafkaTopic declares it");
        }

        @Test
        void catchesATopicNamedOnlyInAServicesConfiguration() {
            Set<String> named = LedgerSources.topicNamesIn("ledger.billing.topic=ledger.invoices.v1");

            assertThat(ManifestRules.topics(VALID, named)).containsExactly("topic ledger.invoices.v1: no KafkaTopic declares it");
        }

        @Test
        void catchesATopicHardCodedInAListener() {
            Set<String> named = LedgerSources.quotedTopicNamesIn("@KafkaListener(topics = \"ledger.invoices.v1\", groupId = GROUP)");

            assertThat(ManifestRules.topics(VALID, named)).containsExactly("topic ledger.invoices.v1: no KafkaTopic declares it");
        }

        @Test
        void catchesAnEventTopicWhoseHistoryExpires() {
            assertRuleCatches(manifests -> ManifestRules.topics(manifests, LedgerSources.topicNames()),
                    VALID.with("KafkaTopic", "ledger-engagement-v1",
                            topic -> ((ObjectNode) topic.at("/spec/config")).put("retention.ms", 604800000)),
                    "neither compacted nor retained forever");
        }

        @Test
        void catchesATopicThatAcknowledgesWithOneReplica() {
            assertRuleCatches(manifests -> ManifestRules.topics(manifests, LedgerSources.topicNames()),
                    VALID.with("KafkaTopic", "ledger-contacts-v1",
                            topic -> ((ObjectNode) topic.at("/spec/config")).put("min.insync.replicas", 1)),
                    "min.insync.replicas is not 2");
        }
    }

    @Nested
    class NetworkPolicies {

        @Test
        void catchesAServiceWithoutNetworkPolicy() {
            assertRuleCatches(ManifestRules::networkPolicies, VALID.without("NetworkPolicy", SERVICE),
                    "Deployment/contacts-service: no NetworkPolicy restricts both its ingress and egress");
        }

        @Test
        void catchesAnEgressRuleOpenToEverything() {
            assertRuleCatches(ManifestRules::networkPolicies,
                    VALID.with("NetworkPolicy", SERVICE, policy -> ((ArrayNode) policy.at("/spec/egress"))
                            .addObject().putArray("ports").addObject().put("port", 443)),
                    "an egress rule without 'to' reaches every destination");
        }

        @Test
        void catchesEgressToAPortThatIsNeitherDnsIdentityKafkaNorMongo() {
            assertRuleCatches(ManifestRules::networkPolicies,
                    VALID.with("NetworkPolicy", SERVICE, policy -> ((ObjectNode) policy.at("/spec/egress/1/ports/0")).put("port", 8443)),
                    "egress to port 8443 is neither DNS, the identity provider, Kafka nor MongoDB");
        }
    }

    @Nested
    class SecretValues {

        @Test
        void catchesAMongoUriWithPasswordInAConfigMap() {
            assertRuleCatches(ManifestRules::noSecretValues,
                    VALID.with("ConfigMap", SERVICE + "-config", map -> ((ObjectNode) map.get("data"))
                            .put("SPRING_DATA_MONGODB_URI", "mongodb://contacts:hunter2@mongodb-0:27017/contacts")),
                    "holds a URI with a user and password");
        }

        @Test
        void catchesAPasswordKeyInAConfigMap() {
            assertRuleCatches(ManifestRules::noSecretValues,
                    VALID.with("ConfigMap", SERVICE + "-config", map -> ((ObjectNode) map.get("data")).put("MONGODB_PASSWORD", "x")),
                    "key MONGODB_PASSWORD looks like a credential");
        }
    }

    @Nested
    class ScalingAndDisruption {

        @Test
        void catchesADeploymentWithoutDisruptionBudget() {
            assertRuleCatches(ManifestRules::scalingAndDisruption, VALID.without("PodDisruptionBudget", SERVICE),
                    "no PodDisruptionBudget selects its pods");
        }

        @Test
        void catchesAReplicasFieldTheAutoscalerWouldFight() {
            assertRuleCatches(ManifestRules::scalingAndDisruption,
                    breakDeployment(deployment -> ((ObjectNode) deployment.get("spec")).put("replicas", 2)),
                    "sets replicas");
        }

        @Test
        void catchesInvertedAutoscalerBounds() {
            assertRuleCatches(ManifestRules::scalingAndDisruption,
                    VALID.with("HorizontalPodAutoscaler", SERVICE, hpa -> ((ObjectNode) hpa.get("spec")).put("minReplicas", 5)),
                    "are not 1 <= min <= max");
        }
    }

    @Nested
    class Ports {

        @Test
        void catchesAContainerPortOtherThanTheServerPort() {
            assertRuleCatches(manifests -> ManifestRules.ports(manifests, LedgerSources::serverPort),
                    breakDeployment(deployment -> ((ObjectNode) container(deployment).at("/ports/0")).put("containerPort", 8080)),
                    "port 'http' is 8080 but server.port is 8081");
        }

        @Test
        void catchesPodsPrometheusWouldNotScrape() {
            assertRuleCatches(manifests -> ManifestRules.ports(manifests, LedgerSources::serverPort),
                    breakDeployment(deployment -> ((ObjectNode) deployment.at("/spec/template/metadata/annotations"))
                            .put("prometheus.io/path", "/metrics")),
                    "are not annotated for Prometheus");
        }

        @Test
        void catchesADeploymentWithoutAServiceModule() {
            assertThat(ManifestRules.ports(VALID, service -> Optional.empty()))
                    .contains("Deployment/contacts-service: no server.port in contacts-service/src/main/resources/contacts-service.properties");
        }
    }
}
