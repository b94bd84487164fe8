package org.relationshipledger.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * One rendered overlay: the raw documents (so a test can break one on purpose) and fabric8's typed view
 * of each kind the rules read. Strimzi's KafkaTopic has no fabric8 model, so it stays a tree.
 */
final class Manifests {

    private final List<ObjectNode> documents;

    private Manifests(List<ObjectNode> documents) {
        this.documents = documents;
    }

    static Manifests render(Path kustomization) {
        return new Manifests(Kustomize.build(kustomization));
    }

    List<ObjectNode> documents() {
        return documents;
    }

    /** A copy with one resource changed; this one stays as rendered. */
    Manifests with(String kind, String name, Consumer<ObjectNode> change) {
        List<ObjectNode> copy = documents.stream().map(ObjectNode::deepCopy).toList();
        change.accept(find(copy, kind, name));
        return new Manifests(copy);
    }

    Manifests without(String kind, String name) {
        ObjectNode gone = find(documents, kind, name);
        return new Manifests(documents.stream().filter(document -> document != gone).map(ObjectNode::deepCopy).toList());
    }

    ObjectNode resource(String kind, String name) {
        return find(documents, kind, name);
    }

    List<Deployment> deployments() {
        return typed("Deployment", Deployment.class);
    }

    List<Service> services() {
        return typed("Service", Service.class);
    }

    List<ConfigMap> configMaps() {
        return typed("ConfigMap", ConfigMap.class);
    }

    List<Secret> secrets() {
        return typed("Secret", Secret.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return typed("NetworkPolicy", NetworkPolicy.class);
    }

    List<PodDisruptionBudget> podDisruptionBudgets() {
        return typed("PodDisruptionBudget", PodDisruptionBudget.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    }

    List<JsonNode> kafkaTopics() {
        return documents.stream().filter(document -> isKind(document, "KafkaTopic")).map(JsonNode.class::cast).toList();
    }

    private <T> List<T> typed(String kind, Class<T> type) {
        return documents.stream()
                .filter(document -> isKind(document, kind))
                .map(document -> Kustomize.YAML.convertValue(document, type))
                .toList();
    }

    private static boolean isKind(JsonNode document, String kind) {
        return kind.equals(document.path("kind").asText());
    }

    private static ObjectNode find(List<ObjectNode> documents, String kind, String name) {
        return documents.stream()
                .filter(document -> isKind(document, kind) && name.equals(document.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + "/" + name + " is not rendered"));
    }
}
