package org.relationshipledger.launcher.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One endpoint as a service's own OpenAPI document describes it, with {@code $ref}s resolved, so the fuzzer covers
 * whatever a service exposes, including endpoints added after it was written.
 *
 * @param bodySchema the JSON request body's schema, or null when the operation takes no JSON body
 */
record ApiOperation(Service service, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                    boolean bodyRequired) {

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    static List<ApiOperation> discover(Service service, JsonNode document) {
        Schemas schemas = new Schemas(document.path("components").path("schemas"));
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            schemas.resolve(parameter.path("schema")), parameter.path("required").asBoolean()));
                }
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode body = null;
                if (!content.isMissingNode()) {
                    JsonNode json = content.path("application/json");
                    body = schemas.resolve(json.isMissingNode() ? content.elements().next().path("schema")
                            : json.path("schema"));
                }
                operations.add(new ApiOperation(service, method.toUpperCase(), path.getKey(), parameters, body,
                        operation.path("requestBody").path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    List<Parameter> in(String location) {
        return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
    }

    boolean writes() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return service.serviceName() + " " + method + " " + path;
    }

    /** Inlines {@code $ref}s (to a bounded depth: a recursive schema ends in an empty object). */
    static final class Schemas {

        private final JsonNode components;

        Schemas(JsonNode components) {
            this.components = components;
        }

        JsonNode resolve(JsonNode schema) {
            return resolve(schema, 0);
        }

        private JsonNode resolve(JsonNode schema, int depth) {
            if (schema == null || schema.isMissingNode() || depth > 8) {
                return MissingNode.getInstance();
            }
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
                return resolve(components.path(name), depth + 1);
            }
            if (!schema.isObject()) {
                return schema;
            }
            var copy = schema.deepCopy();
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
            if (schema.has("properties")) {
                var properties = object.putObject("properties");
                schema.get("properties").fields().forEachRemaining(property ->
                        properties.set(property.getKey(), resolve(property.getValue(), depth + 1)));
            }
            if (schema.has("items")) {
                object.set("items", resolve(schema.get("items"), depth + 1));
            }
            for (String composite : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.has(composite) && schema.get(composite).size() > 0) {
                    // The first alternative stands for the whole: enough to build a body the service can read.
                    JsonNode first = resolve(schema.get(composite).get(0), depth + 1);
                    object.remove(composite);
                    first.fields().forEachRemaining(field -> object.set(field.getKey(), field.getValue()));
                }
            }
            return object;
        }
    }
}
