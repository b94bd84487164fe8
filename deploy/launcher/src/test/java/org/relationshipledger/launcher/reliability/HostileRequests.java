package org.relationshipledger.launcher.reliability;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates malformed and hostile requests for an {@link ApiOperation} from a seed: the same seed, the same
 * operations and the same fixture give the same requests, byte for byte. Each request starts from a body that
 * follows the operation's schema (so it reaches the service's own validation) and breaks it in one way.
 */
final class HostileRequests {

    /** How a request is broken. */
    enum Attack {
        WRONG_JSON_TYPE, HUGE_STRING, DEEP_NESTING, MONGO_OPERATOR_IN_BODY, MONGO_OPERATOR_IN_PATH, INVALID_UTF8,
        UNKNOWN_FIELDS, HOSTILE_NUMBER, WRONG_CONTENT_TYPE, EMPTY_BODY, UNKNOWN_ENUM_VALUE, HOSTILE_PATH_SEGMENT,
        HOSTILE_QUERY, BROKEN_JSON, BAD_TOKEN;

        /** Attacks that change nothing but the body. */
        static final Set<Attack> ON_BODY = EnumSet.of(WRONG_JSON_TYPE, HUGE_STRING, DEEP_NESTING,
                MONGO_OPERATOR_IN_BODY, INVALID_UTF8, UNKNOWN_FIELDS, HOSTILE_NUMBER, WRONG_CONTENT_TYPE, EMPTY_BODY,
                UNKNOWN_ENUM_VALUE, BROKEN_JSON);

        /**
         * Requests no reader of JSON may accept, whatever the endpoint: a 2xx to one of them is a defect. (Others,
         * such as an unknown field or an empty optional body, may be accepted by a tolerant endpoint.)
         */
        static final Set<Attack> NEVER_ACCEPTED = EnumSet.of(DEEP_NESTING, INVALID_UTF8, BROKEN_JSON, BAD_TOKEN);
    }

    /** One generated request; {@code pathAndQuery} is already percent-encoded. */
    record Request(ApiOperation operation, Attack attack, String pathAndQuery, Map<String, String> headers,
                   byte[] body, String description) {
    }

    /** Ids that exist, so a request can get past "not found" to the service's validation. */
    record Fixture(String accountId, List<String> contactIds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson refuses documents nested deeper than 1,000 levels by default; these go past it. */
    private static final int MIN_HOSTILE_DEPTH = 1_001;

    private static final List<String> OPERATOR_VALUES = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}",
            "{\"$where\":\"sleep(1000)\"}", "{\"$regex\":\".*\"}", "{\"$in\":[]}", "{\"$exists\":true}",
            "{\"$expr\":{\"$eq\":[1,1]}}");
    private static final List<String> HOSTILE_SEGMENTS = List.of("$gt", "$where", "..", "%2e%2e", "%2e%2e%2f",
            "%00", "%0d%0aX-Injected:%201", "%27%20OR%201=1%20--", "-1", "0", "99999999999999999999999999",
            "%F0%9F%98%80", "%ED%A0%80", "%C3%28", "%FF%FE", "null", "undefined", "%20", "a%3Bb", "%25",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%5C..", "%E2%80%AE", "true", "%5B%5D", "%7B%7D");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "application/json; charset=ISO-8859-1", "application/jsonx", "*/*", "text/html; charset=utf-8",
            "application/cloudevents+json", "", "application/json; charset=utf-7");

    private final Random random;
    private final Fixture fixture;
    private final List<String> badTokens;

    /** {@code badTokens}: whole {@code Authorization} values no service may accept. */
    HostileRequests(long seed, Fixture fixture, List<String> badTokens) {
        this.random = new Random(seed);
        this.fixture = fixture;
        this.badTokens = badTokens;
    }

    /** The attacks that make sense for {@code operation}: body attacks only where it reads a JSON body. */
    static List<Attack> attacksOn(ApiOperation operation) {
        List<Attack> attacks = new ArrayList<>();
        for (Attack attack : Attack.values()) {
            boolean applies = switch (attack) {
                case MONGO_OPERATOR_IN_PATH, HOSTILE_PATH_SEGMENT -> !operation.in("path").isEmpty();
                case HOSTILE_QUERY, BAD_TOKEN -> true;
                default -> operation.bodySchema() != null || attack == Attack.WRONG_CONTENT_TYPE && operation.writes()
                        || attack == Attack.BROKEN_JSON && operation.writes();
            };
            if (applies) {
                attacks.add(attack);
            }
        }
        return attacks;
    }

    Request next(ApiOperation operation, Attack attack) {
        Map<String, String> pathValues = validPathValues(operation);
        Map<String, String> query = validQuery(operation);
        JsonNode body = operation.bodySchema() == null ? null : valid(operation.bodySchema(), "body", 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String description;
        byte[] bytes = body == null ? null : write(body);
        switch (attack) {
            case WRONG_JSON_TYPE -> {
                Leaf leaf = pickLeaf(body);
                JsonNode wrong = wrongTypeFor(leaf == null ? null : leaf.value());
                bytes = write(replace(body, leaf, wrong));
                description = "field " + describe(leaf) + " = " + wrong;
            }
            case HUGE_STRING -> {
                Leaf leaf = pickLeaf(body);
                int length = random.nextBoolean() ? 1_000 + random.nextInt(50_000) : 65_537 + random.nextInt(200_000);
                bytes = write(replace(body, leaf, NODES.textNode(hugeText(length))));
                description = "field " + describe(leaf) + " = string of " + length + " chars";
            }
            case DEEP_NESTING -> {
                int depth = MIN_HOSTILE_DEPTH + random.nextInt(25_000);
                boolean objects = random.nextBoolean();
                String nested = nested(depth, objects);
                if (body instanceof ObjectNode && random.nextBoolean()) {
                    String json = write(body, String.class);
                    bytes = (json.substring(0, json.length() - 1) + (body.isEmpty() ? "" : ",")
                            + "\"nested\":" + nested + "}").getBytes(StandardCharsets.UTF_8);
                    description = "extra field nested " + depth + " deep (" + (objects ? "objects" : "arrays") + ")";
                } else {
                    bytes = nested.getBytes(StandardCharsets.UTF_8);
                    description = "body nested " + depth + " deep (" + (objects ? "objects" : "arrays") + ")";
                }
            }
            case MONGO_OPERATOR_IN_BODY -> {
                Leaf leaf = pickLeaf(body);
                String operator = pick(OPERATOR_VALUES);
                JsonNode value = random.nextInt(3) == 0 ? NODES.textNode(operator) : read(operator);
                ObjectNode replaced = asObject(replace(body, leaf, value));
                if (random.nextBoolean()) {
                    replaced.set("$where", NODES.textNode("this.accountId != ''"));
                    replaced.set("_id", read("{\"$gt\":\"\"}"));
                }
                bytes = write(replaced);
                description = "field " + describe(leaf) + " = " + value;
            }
            case MONGO_OPERATOR_IN_PATH -> {
                ApiOperation.Parameter parameter = pick(operation.in("path"));
                String value = pick(OPERATOR_VALUES);
                pathValues.put(parameter.name(), encode(value));
                description = "path {" + parameter.name() + "} = " + value;
            }
            case INVALID_UTF8 -> {
                Leaf leaf = pickLeaf(body);
                String marker = "INVALID-UTF8-MARKER";
                String json = write(replace(body, leaf, NODES.textNode("x" + marker + "y")), String.class);
                byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88,
                                (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                        new byte[] {(byte) 0xC0, (byte) 0xAF}));
                bytes = spliceBytes(json, marker, bad);
                description = "invalid UTF-8 " + hex(bad) + " in field " + describe(leaf);
            }
            case UNKNOWN_FIELDS -> {
                ObjectNode extended = asObject(body == null ? NODES.objectNode() : body.deepCopy());
                List<String> names = List.of("$where", "_id", "aggregateIdentifier", "sequenceNumber", "tenantId",
                        "__proto__", "@class", "@type", "hash", "eventId", "constructor", "unknownField",
                        "accountId", "deleted");
                int count = 1 + random.nextInt(4);
                StringBuilder added = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    String name = pick(names);
                    JsonNode value = pick(List.of(NODES.textNode("java.lang.Runtime"), read("{\"$gt\":\"\"}"),
                            NODES.numberNode(-1), NODES.booleanNode(true), NODES.nullNode(),
                            read("[\"java.util.HashMap\",{}]")));
                    if (!extended.has(name)) {
                        extended.set(name, value);
                        added.append(name).append(' ');
                    }
                }
                bytes = write(extended);
                description = "unknown fields " + added.toString().strip();
            }
            case HOSTILE_NUMBER -> {
                Leaf leaf = pickLeaf(body);
                String number = pick(List.of("-1", "-9223372036854775809", "9223372036854775808",
                        "1e400", "-1e400", "1e-400", "1.5", "-0", "2147483648", "123456789012345678901234567890",
                        "0.0000000000000000000000001", "1" + "0".repeat(2_000), "-2147483649", "4.9e-324"));
                String json = write(replace(body, leaf, NODES.textNode("NUMBER-MARKER")), String.class);
                bytes = json.replace("\"NUMBER-MARKER\"", number).getBytes(StandardCharsets.UTF_8);
                description = "field " + describe(leaf) + " = " + (number.length() > 40 ? number.length()
                        + "-digit number" : number);
            }
            case WRONG_CONTENT_TYPE -> {
                String type = pick(CONTENT_TYPES);
                if (!type.isEmpty()) {
                    headers.put("Content-Type", type);
                }
                if (bytes == null) {
                    bytes = "{}".getBytes(StandardCharsets.UTF_8);
                }
                if (type.startsWith("application/x-www-form")) {
                    bytes = "accountId%5B%24ne%5D=1&name=x".getBytes(StandardCharsets.UTF_8);
                }
                description = "Content-Type " + (type.isEmpty() ? "(none)" : type);
                return request(operation, attack, pathValues, query, headers, bytes, description);
            }
            case EMPTY_BODY -> {
                String empty = pick(List.of("", "null", "[]", "\"\"", "{}", " ", "0", "true", "\n"));
                bytes = empty.getBytes(StandardCharsets.UTF_8);
                description = "body '" + empty.strip() + "'";
            }
            case UNKNOWN_ENUM_VALUE -> {
                Leaf leaf = pickEnumLeaf(body, operation.bodySchema());
                JsonNode value;
                if (leaf != null && leaf.value().isTextual()) {
                    String known = leaf.value().asText();
                    value = NODES.textNode(pick(List.of("NOT_A_" + known, known.toLowerCase(), " " + known, known + " ",
                            "", known + "\u0000", "$" + known, known.repeat(30))));
                } else {
                    value = NODES.textNode("NO_SUCH_VALUE");
                }
                bytes = write(replace(body, leaf, value));
                description = "enum " + describe(leaf) + " = " + value;
            }
            case HOSTILE_PATH_SEGMENT -> {
                ApiOperation.Parameter parameter = pick(operation.in("path"));
                String value = random.nextInt(8) == 0 ? "a".repeat(100 + random.nextInt(4_000))
                        : pick(HOSTILE_SEGMENTS);
                pathValues.put(parameter.name(), value);
                description = "path {" + parameter.name() + "} = " + (value.length() > 60 ? value.length() + " chars"
                        : value);
            }
            case HOSTILE_QUERY -> {
                List<ApiOperation.Parameter> declared = operation.in("query");
                String name;
                if (!declared.isEmpty() && random.nextInt(3) > 0) {
                    name = pick(declared).name();
                } else {
                    name = pick(List.of("accountId[$ne]", "$where", "filter", "sort", "limit", "page", "asOf",
                            "groupBy", "_id[$gt]"));
                }
                String value = pick(List.of("{\"$gt\":\"\"}", "-1", "99999999999999999999", "1e400", "NaN",
                        "not-a-date", "2026-13-45T25:61:61Z", "", "$ne", "a".repeat(3_000), "\u0000", "😀",
                        "1;DROP", "[object Object]", "true", "0", "-9223372036854775808", "9999-12-31T23:59:59Z",
                        "0000-01-01T00:00:00Z", "NO_SUCH_ENUM"));
                query.put(name, value);
                description = "query " + name + "=" + (value.length() > 60 ? value.length() + " chars" : value);
                return request(operation, attack, pathValues, query, withJsonType(headers, bytes), bytes, description);
            }
            case BROKEN_JSON -> {
                String json = bytes == null ? "{\"a\":1}" : write(body, String.class);
                String broken = switch (random.nextInt(7)) {
                    case 0 -> json.substring(0, Math.max(1, json.length() / 2));
                    case 1 -> json + "}}";
                    case 2 -> json.replace("\"", "'");
                    case 3 -> json.replaceFirst(":", "");
                    case 4 -> "{" + json;
                    case 5 -> json.replace(",", ",,");
                    default -> "{\"a\":NaN,\"b\":0x1F,\"c\":undefined}";
                };
                bytes = broken.getBytes(StandardCharsets.UTF_8);
                description = (broken.endsWith("}}") && !broken.startsWith("{{") ? "broken JSON, trailing tokens ("
                        : "broken JSON (") + broken.length() + " chars)";
            }
            case BAD_TOKEN -> {
                String token = pick(badTokens);
                headers.put("Authorization", token);
                description = "Authorization " + (token.length() > 40 ? token.substring(0, 40) + "…" : token);
            }
            default -> throw new IllegalStateException("unknown attack " + attack);
        }
        return request(operation, attack, pathValues, query, withJsonType(headers, bytes), bytes, description);
    }

    private static Map<String, String> withJsonType(Map<String, String> headers, byte[] body) {
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private Request request(ApiOperation operation, Attack attack, Map<String, String> pathValues,
                            Map<String, String> query, Map<String, String> headers, byte[] body, String description) {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target.append(separator).append(encode(parameter.getKey())).append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return new Request(operation, attack, target.toString(), headers, body, description);
    }

    // ---- valid values ----

    private Map<String, String> validPathValues(ApiOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ApiOperation.Parameter parameter : operation.in("path")) {
            values.put(parameter.name(), encode(valid(parameter.schema(), parameter.name(), 0).asText()));
        }
        return values;
    }

    private Map<String, String> validQuery(ApiOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ApiOperation.Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextBoolean()) {
                JsonNode value = valid(parameter.schema(), parameter.name(), 0);
                values.put(parameter.name(),
                        value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText());
            }
        }
        return values;
    }

    /** A value that follows {@code schema}, with ids from the fixture where the name says it is one. */
    private JsonNode valid(JsonNode schema, String name, int depth) {
        String lower = name.toLowerCase();
        String type = schema.path("type").asText("");
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            if (depth < 4) {
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), valid(property.getValue(), property.getKey(), depth + 1)));
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = NODES.arrayNode();
            if (depth < 4) {
                String item = lower.endsWith("ids") ? name.substring(0, name.length() - 1) : name;
                array.add(valid(schema.path("items"), item, depth + 1));
            }
            return array;
        }
        if (type.equals("integer")) {
            return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() + 1 : 1);
        }
        if (type.equals("number")) {
            return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() + 1 : 1.5);
        }
        if (type.equals("boolean")) {
            return NODES.booleanNode(false);
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            return NODES.textNode(Instant.parse("2026-01-15T10:00:00Z").toString());
        }
        if (format.equals("date")) {
            return NODES.textNode(LocalDate.of(2027, 1, 15).toString());
        }
        if (lower.contains("contact") && lower.endsWith("id")) {
            return NODES.textNode(pick(fixture.contactIds()));
        }
        if (lower.equals("accountid") || lower.equals("id") && name.equals("accountId")) {
            return NODES.textNode(fixture.accountId());
        }
        if (lower.endsWith("id") || format.equals("uuid")) {
            return NODES.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (lower.contains("email")) {
            return NODES.textNode("fuzz" + random.nextInt(1000) + "@example.com");
        }
        if (lower.contains("currency")) {
            return NODES.textNode("EUR");
        }
        if (lower.contains("phone")) {
            return NODES.textNode("+44 20 7946 0000");
        }
        if (lower.contains("teammember") || lower.contains("owner") || lower.equals("by") || lower.endsWith("by")) {
            return NODES.textNode("tm-fuzz");
        }
        return NODES.textNode("fuzz " + name);
    }

    // ---- picking and replacing fields ----

    /** A value inside the body and where it sits; a null parent means the body itself. */
    private record Leaf(JsonNode parent, String field, int index, JsonNode value, String path) {
    }

    private Leaf pickLeaf(JsonNode body) {
        List<Leaf> leaves = new ArrayList<>();
        collect(body, null, null, -1, "", leaves);
        return leaves.isEmpty() ? null : pick(leaves);
    }

    private Leaf pickEnumLeaf(JsonNode body, JsonNode schema) {
        List<Leaf> leaves = new ArrayList<>();
        collect(body, null, null, -1, "", leaves);
        List<Leaf> enums = leaves.stream().filter(leaf -> isEnum(schema, leaf.path())).toList();
        return enums.isEmpty() ? (leaves.isEmpty() ? null : pick(leaves)) : pick(enums);
    }

    private static boolean isEnum(JsonNode schema, String path) {
        JsonNode at = schema;
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            at = part.startsWith("[") ? at.path("items") : at.path("properties").path(part);
        }
        return at.has("enum");
    }

    private static void collect(JsonNode node, JsonNode parent, String field, int index, String path,
                                List<Leaf> leaves) {
        if (node == null) {
            return;
        }
        if (parent != null) {
            leaves.add(new Leaf(parent, field, index, node, path));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> child = fields.next();
                collect(child.getValue(), node, child.getKey(), -1,
                        path.isEmpty() ? child.getKey() : path + "." + child.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, path + ".[" + i + "]", leaves);
            }
        }
    }

    /** The body with the leaf's value replaced (or the whole body, when there is no leaf). */
    private static JsonNode replace(JsonNode body, Leaf leaf, JsonNode value) {
        if (body == null || leaf == null) {
            return value;
        }
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        String[] parts = leaf.path().split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            parent = part.startsWith("[") ? parent.get(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : parent.get(part);
        }
        if (parent instanceof ObjectNode object) {
            object.set(leaf.field(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(leaf.index(), value);
        }
        return copy;
    }

    private JsonNode wrongTypeFor(JsonNode value) {
        List<JsonNode> choices = new ArrayList<>(List.of(NODES.textNode("not the right type"), NODES.numberNode(42),
                NODES.booleanNode(true), NODES.arrayNode().add(1).add("two"), read("{\"nested\":{\"a\":1}}"),
                NODES.nullNode(), NODES.numberNode(-3.75)));
        if (value != null) {
            choices.removeIf(choice -> choice.getNodeType() == value.getNodeType());
        }
        return pick(choices);
    }

    private static String describe(Leaf leaf) {
        return leaf == null ? "(whole body)" : leaf.path();
    }

    // ---- text and bytes ----

    private String hugeText(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzÄÖÜßé漢字😀 \"\\/<>'${}";
        StringBuilder text = new StringBuilder(length);
        int[] codePoints = alphabet.codePoints().toArray();
        while (text.length() < length) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    private static String nested(int depth, boolean objects) {
        StringBuilder text = new StringBuilder(depth * (objects ? 6 : 2));
        for (int i = 0; i < depth; i++) {
            text.append(objects ? "{\"a\":" : "[");
        }
        text.append(objects ? "1" : "");
        for (int i = 0; i < depth; i++) {
            text.append(objects ? '}' : ']');
        }
        return text.toString();
    }

    private static byte[] spliceBytes(String json, String marker, byte[] bad) {
        int at = json.indexOf(marker);
        if (at < 0) {
            json = json.isEmpty() ? "\"" + marker + "\"" : json;
            at = json.indexOf(marker);
            if (at < 0) {
                json = "{\"x\":\"" + marker + "\"}";
                at = json.indexOf(marker);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("value", node);
        return wrapper;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static byte[] write(JsonNode node) {
        return write(node, String.class).getBytes(StandardCharsets.UTF_8);
    }

    private static String write(JsonNode node, Class<String> as) {
        try {
            return node == null ? "null" : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
