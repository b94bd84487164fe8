package org.relationshipledger.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The part of {@code kustomize build} these manifests use, because no kustomize binary runs in CI:
 * {@code resources} (files and directories), {@code namespace}, and {@code patches} given as inline
 * RFC 6902 JSON patches with a {@code target} of kind and optional name (matched literally, where
 * kustomize would read a regular expression). Any other field fails the build, so the manifests
 * cannot quietly outgrow what this renders (ADR 0051).
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "patches");
    private static final Set<String> SUPPORTED_TARGET_FIELDS = Set.of("kind", "name");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path directory) {
        ObjectNode kustomization = onlyDocument(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new UnsupportedKustomization(directory + ": field '" + field + "' is not rendered by this test");
            }
        });

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? build(resource) : readAll(resource));
        }
        rejectDuplicates(directory, resources);

        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, resources);
        }

        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode resource : resources) {
                ObjectNode metadata = (ObjectNode) resource.get("metadata");
                // kustomize renames a Namespace object to the namespace (kubernetes-sigs/kustomize#4979).
                if ("Namespace".equals(resource.path("kind").asText())) {
                    metadata.put("name", namespace);
                } else {
                    metadata.put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            Iterator<JsonNode> values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add((ObjectNode) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static ObjectNode onlyDocument(Path file) {
        List<ObjectNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new UnsupportedKustomization(file + ": expected one document, found " + documents.size());
        }
        return documents.getFirst();
    }

    private static void rejectDuplicates(Path directory, List<ObjectNode> resources) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode resource : resources) {
            String id = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            if (!seen.add(id)) {
                throw new UnsupportedKustomization(directory + ": " + id + " is declared twice");
            }
        }
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> resources) {
        JsonNode target = patch.path("target");
        if (!patch.hasNonNull("patch") || !target.isObject()) {
            throw new UnsupportedKustomization(directory + ": only inline JSON patches with a target are rendered");
        }
        target.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_TARGET_FIELDS.contains(field)) {
                throw new UnsupportedKustomization(directory + ": patch target field '" + field + "' is not rendered");
            }
        });
        JsonNode operations = readInline(directory, patch.get("patch").asText());
        if (!operations.isArray()) {
            throw new UnsupportedKustomization(directory + ": strategic-merge patches are not rendered, use JSON patches");
        }

        // Stricter than kustomize, which ignores a target matching nothing: here that is a typo to report.
        List<ObjectNode> matches = resources.stream().filter(resource -> matches(target, resource)).toList();
        if (matches.isEmpty()) {
            throw new UnsupportedKustomization(directory + ": patch target " + target + " matches no resource");
        }
        matches.forEach(resource -> JsonPatch.apply(resource, (ArrayNode) operations));
    }

    private static boolean matches(JsonNode target, ObjectNode resource) {
        return target.path("kind").asText().equals(resource.path("kind").asText())
                && (!target.has("name") || target.get("name").asText().equals(resource.path("metadata").path("name").asText()));
    }

    private static JsonNode readInline(Path directory, String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + ": unreadable patch", e);
        }
    }

    static final class UnsupportedKustomization extends RuntimeException {
        UnsupportedKustomization(String message) {
            super(message);
        }
    }
}
