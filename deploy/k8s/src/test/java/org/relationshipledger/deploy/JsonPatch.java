package org.relationshipledger.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 {@code add}, {@code replace} and {@code remove}: what the overlays' patches need. A
 * {@code replace} or {@code remove} of a missing path fails, as kustomize's would, so a patch that no
 * longer fits its base breaks the build instead of rendering the base unchanged.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            JsonPointer path = JsonPointer.compile(operation.path("path").asText());
            JsonNode parent = document.at(path.head());
            String last = path.last().getMatchingProperty();
            switch (op) {
                case "add" -> add(parent, last, operation.get("value"), path);
                case "replace" -> {
                    requireExisting(document, path);
                    set(parent, last, operation.get("value"));
                }
                case "remove" -> {
                    requireExisting(document, path);
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                default -> throw new Kustomize.UnsupportedKustomization("JSON patch op '" + op + "' is not rendered");
            }
        }
    }

    private static void add(JsonNode parent, String last, JsonNode value, JsonPointer path) {
        if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value.deepCopy());
            } else {
                array.insert(Integer.parseInt(last), value.deepCopy());
            }
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value.deepCopy());
        } else {
            throw new Kustomize.UnsupportedKustomization("JSON patch: no parent for " + path);
        }
    }

    private static void set(JsonNode parent, String last, JsonNode value) {
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value.deepCopy());
        } else {
            ((ObjectNode) parent).set(last, value.deepCopy());
        }
    }

    private static void requireExisting(JsonNode document, JsonPointer path) {
        if (document.at(path).isMissingNode()) {
            throw new Kustomize.UnsupportedKustomization("JSON patch: " + path + " does not exist");
        }
    }
}
