package org.relationshipledger.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The documented allow-list of Secrets and ConfigMaps that someone other than these manifests creates
 * ({@code deploy/k8s/operator-provided.yaml}): name to the keys it must hold.
 */
record OperatorProvided(Map<String, Set<String>> secrets, Map<String, Set<String>> configMaps) {

    static OperatorProvided load(Path file) {
        JsonNode root = Kustomize.readAll(file).getFirst();
        return new OperatorProvided(entries(root.path("secrets")), entries(root.path("configMaps")));
    }

    static OperatorProvided none() {
        return new OperatorProvided(Map.of(), Map.of());
    }

    private static Map<String, Set<String>> entries(JsonNode list) {
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            Set<String> keys = new TreeSet<>();
            entry.path("keys").forEach(key -> keys.add(key.asText()));
            entries.put(entry.path("name").asText(), keys);
        }
        return entries;
    }
}
