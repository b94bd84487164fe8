package org.relationshipledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads docs/asyncapi.yaml as data and holds it to the records: same messages per topic, same fields
 * in the same order, the same required fields, enum values and ranges. Without this the document
 * would be a second, silently diverging source of truth.
 */
class AsyncApiDocumentTest {

    private static final Path ASYNCAPI = Path.of("..", "docs", "asyncapi.yaml");

    private static final List<String> STANDARD_HEADERS = List.of(
            "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type");

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("defaultContentType").asText()).isEqualTo("application/json");
    }

    @Test
    void describesEveryTopicAsAChannelCarryingExactlyItsMessages() {
        Map<String, Set<String>> expected = EventCatalogTest.publishedTypes().stream()
                .collect(Collectors.groupingBy(EventCatalogTest::topicOf,
                        Collectors.mapping(EventCatalog::wireName, Collectors.toCollection(TreeSet::new))));

        Map<String, Set<String>> documented = fields(document.path("channels")).stream()
                .map(channel -> document.path("channels").path(channel))
                .collect(Collectors.toMap(channel -> channel.path("address").asText(),
                        channel -> fields(channel.path("messages")).stream()
                                .map(message -> resolve(channel.path("messages").path(message)).path("name").asText())
                                .collect(Collectors.toCollection(TreeSet::new))));

        assertThat(documented).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void documentsEveryFieldInTheRecordsOrder(Class<?> type) {
        assertThat(fields(payload(type).path("properties")))
                .containsExactlyElementsOf(componentNames(type));
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void requiresExactlyTheFieldsTheRecordRequires(Class<?> type) {
        List<String> required = Arrays.stream(type.getRecordComponents())
                .filter(field -> !RequiredFieldsTest.isOptional(type, field))
                .map(RecordComponent::getName)
                .toList();

        assertThat(texts(payload(type).path("required"))).containsExactlyElementsOf(required);
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void givesEveryFieldTheJsonTypeItIsWrittenAs(Class<?> type) {
        JsonNode properties = payload(type).path("properties");

        for (RecordComponent field : type.getRecordComponents()) {
            JsonNode schema = properties.path(field.getName());
            String where = type.getSimpleName() + "." + field.getName();
            assertThat(types(schema)).as(where).contains(jsonType(field.getType()));
            assertThat(types(schema).contains("null")).as(where + " accepts null")
                    .isEqualTo(RequiredFieldsTest.isOptional(type, field));
            if (field.getType() == Instant.class) {
                assertThat(nonNull(schema).path("format").asText()).as(where).isEqualTo("date-time");
            }
            if (field.getType() == LocalDate.class) {
                assertThat(nonNull(schema).path("format").asText()).as(where).isEqualTo("date");
            }
            if (field.getType().isEnum()) {
                assertThat(texts(nonNull(schema).path("enum"))).as(where)
                        .containsExactlyElementsOf(Arrays.stream(field.getType().getEnumConstants())
                                .map(constant -> ((Enum<?>) constant).name())
                                .toList());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void statesTheRangeTheRecordAcceptsForEveryNumber(Class<?> type) {
        Record sample = (Record) ContractSamples.sampleEvent(type);
        JsonNode properties = payload(type).path("properties");

        Arrays.stream(type.getRecordComponents())
                .filter(field -> field.getType() == int.class)
                .forEach(field -> {
                    List<Integer> accepted = IntStream.rangeClosed(-20, 20)
                            .filter(value -> accepts(sample, field.getName(), value))
                            .boxed()
                            .toList();
                    JsonNode schema = properties.path(field.getName());
                    assertThat(List.of(schema.path("minimum").asInt(), schema.path("maximum").asInt()))
                            .as("%s.%s range (for the sample's values of the other fields)",
                                    type.getSimpleName(), field.getName())
                            .containsExactly(accepted.getFirst(), accepted.getLast());
                });
    }

    @Test
    void narrowsTheCsatScoreToOneToFive() {
        JsonNode survey = payload(EngagementEvent.SurveyAnswered.class);

        assertThat(survey.at("/if/properties/kind/const").asText()).isEqualTo("CSAT");
        assertThat(survey.at("/then/properties/score/minimum").asInt())
                .isEqualTo(EngagementEvent.SurveyKind.CSAT.minScore());
        assertThat(survey.at("/then/properties/score/maximum").asInt())
                .isEqualTo(EngagementEvent.SurveyKind.CSAT.maxScore());
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void describesEveryEnvelopeHeaderOfEveryMessage(Class<?> type) {
        JsonNode headers = resolve(message(type).path("headers"));
        List<String> expected = new ArrayList<>(STANDARD_HEADERS);
        EventCatalogTest.extensionAttributes()
                .forEach(attribute -> expected.add(EnvelopeAttributes.HEADER_PREFIX + attribute));

        assertThat(fields(headers.path("properties"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).allSatisfy(header ->
                assertThat(headers.path("properties").path(header).path("description").asText()).isNotBlank());
        assertThat(texts(headers.path("required"))).containsAll(STANDARD_HEADERS);
    }

    @Test
    void letsEveryOperationSendOrReceiveOnlyTheMessagesOfItsChannel() {
        for (String id : fields(document.path("operations"))) {
            JsonNode operation = document.path("operations").path(id);
            String channelRef = operation.path("channel").path("$ref").asText();

            assertThat(operation.path("action").asText()).as(id).isIn("send", "receive");
            assertThat(resolve(operation.path("channel")).path("address").asText()).as(id).isNotEmpty();
            assertThat(operation.path("messages")).as(id).isNotEmpty().allSatisfy(message -> {
                assertThat(message.path("$ref").asText()).startsWith(channelRef + "/messages/");
                assertThat(resolve(message).path("name").asText()).isNotEmpty();
            });
        }
    }

    @Test
    void hasOneProducerPerTopicAndLetsAnalyticsReceiveEverything() {
        List<JsonNode> operations = fields(document.path("operations")).stream()
                .map(id -> document.path("operations").path(id))
                .toList();

        for (String topic : List.of(Topics.CONTACTS, Topics.CONTACT_PROFILES, Topics.MAPPING, Topics.ENGAGEMENT)) {
            assertThat(operations)
                    .filteredOn(operation -> resolve(operation.path("channel")).path("address").asText().equals(topic))
                    .extracting(operation -> operation.path("action").asText())
                    .as(topic)
                    .containsOnlyOnce("send")
                    .contains("receive");
        }
        assertThat(fields(document.path("operations")))
                .filteredOn(id -> id.startsWith("analyticsService"))
                .hasSize(4);
    }

    private static boolean accepts(Record sample, String field, int value) {
        try {
            RecordFields.copyWith(sample, field, value);
            return true;
        } catch (IllegalArgumentException rejected) {
            return false;
        }
    }

    private static JsonNode message(Class<?> type) {
        JsonNode messages = document.path("components").path("messages");
        return fields(messages).stream()
                .map(messages::path)
                .filter(message -> message.path("name").asText().equals(EventCatalog.wireName(type)))
                .findFirst()
                .orElseGet(() -> fail("no message named " + EventCatalog.wireName(type)));
    }

    private static JsonNode payload(Class<?> type) {
        return resolve(message(type).path("payload"));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    /** The schema without its {@code null} alternative, for optional fields written as anyOf. */
    private static JsonNode nonNull(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (!resolved.has("anyOf")) {
            return resolved;
        }
        return StreamSupport.stream(resolved.path("anyOf").spliterator(), false)
                .map(AsyncApiDocumentTest::resolve)
                .filter(alternative -> !alternative.path("type").asText().equals("null"))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("anyOf")) {
            return StreamSupport.stream(resolved.path("anyOf").spliterator(), false)
                    .flatMap(alternative -> types(alternative).stream())
                    .collect(Collectors.toSet());
        }
        JsonNode type = resolved.path("type");
        return type.isArray() ? Set.copyOf(texts(type)) : Set.of(type.asText());
    }

    private static String jsonType(Class<?> javaType) {
        if (javaType == int.class) {
            return "integer";
        }
        if (javaType == List.class) {
            return "array";
        }
        if (javaType == String.class || javaType == Instant.class || javaType == LocalDate.class
                || javaType == BigDecimal.class || javaType.isEnum()) {
            return "string";
        }
        throw new AssertionError("no JSON type decided for " + javaType);
    }

    private static List<String> componentNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
