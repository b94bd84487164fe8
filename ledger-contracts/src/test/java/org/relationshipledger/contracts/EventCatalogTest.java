package org.relationshipledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guards the published language: a rename, a revision change, a sample that drifted from its record,
 * a personal-data field or an undocumented message fails the build here, before any consumer sees it.
 */
class EventCatalogTest {

    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final Path APPROVED = RESOURCES.resolve("contracts/catalog.approved.txt");
    private static final Path RECEIVED = Path.of("target", "catalog.received.txt");
    private static final Path ASYNCAPI = Path.of("..", "docs", "asyncapi.yaml");

    private static final String APPROVED_HEADER = """
            # Every published type as "wireName revision topic", sorted. A change here breaks consumers or
            # stored history: add a new revision and an upcaster instead of editing a line. To approve an
            # intended change, copy target/catalog.received.txt over this file.
            """;

    /** Names of people and their contact details travel only on the profile topic. */
    private static final Pattern PERSONAL_DATA_NAME = Pattern.compile(
            "(?i).*(fullname|firstname|lastname|surname|givenname|familyname|email|e_mail|phone|mobile|birth|"
                    + "address|personname|contactname).*");

    /** Components called {@code name} that name an organisation or a group, never a person. */
    private static final Set<String> NON_PERSONAL_NAMES = Set.of(
            "AccountOpened.name", "CoalitionFormed.name", "CoalitionChanged.name");

    private static final Set<Class<?>> FLAT_VALUE_TYPES = Set.of(
            String.class, int.class, Instant.class, LocalDate.class, BigDecimal.class, List.class);

    static List<Class<?>> publishedTypes() {
        return Stream.concat(EventCatalog.integrationEventTypes().stream(), Stream.of(ContactProfile.class)).toList();
    }

    static List<Class<?>> integrationEventTypes() {
        return EventCatalog.integrationEventTypes();
    }

    static String topicOf(Class<?> type) {
        return type == ContactProfile.class
                ? Topics.CONTACT_PROFILES
                : EventCatalog.topicOf(type.asSubclass(IntegrationEvent.class));
    }

    @Test
    void everyEventHasAnApprovedWireNameAndRevision() throws IOException {
        List<String> received = publishedTypes().stream()
                .map(type -> "%s %d %s".formatted(EventCatalog.wireName(type), EventCatalog.revision(type), topicOf(type)))
                .sorted()
                .toList();
        List<String> approved = Files.readAllLines(APPROVED, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        if (!received.equals(approved)) {
            Files.createDirectories(RECEIVED.getParent());
            Files.writeString(RECEIVED, APPROVED_HEADER + String.join("\n", received) + "\n", StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(RECEIVED);
        }
        assertThat(received)
                .withFailMessage(() -> "The event catalog differs from %s (- approved, + received):%n%s%n"
                        .formatted(APPROVED, diff(approved, received))
                        + "If the change is intended, copy %s over it.".formatted(RECEIVED))
                .isEqualTo(approved);
    }

    @ParameterizedTest
    @MethodSource("publishedTypes")
    void everyPublishedTypeHasASample(Class<?> type) {
        assertThat(RESOURCES.resolve(ContractSamples.samplePath(type))).isRegularFile();
    }

    @Test
    void noSampleIsOrphaned() throws IOException {
        Set<String> expected = publishedTypes().stream()
                .map(type -> ContractSamples.samplePath(type).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("contracts/samples"))) {
            Set<String> present = files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("publishedTypes")
    void eachSampleDeserialisesToItsClassAndSerialisesBackUnchanged(Class<?> type) throws IOException {
        ObjectMapper mapper = ContractSamples.mapper();
        String json = ContractSamples.sample(type);

        Object event = mapper.readValue(json, type);

        assertThat(event).isInstanceOf(type);
        JsonNode reserialised = mapper.valueToTree(event);
        assertThat(reserialised).isEqualTo(mapper.readTree(json));
    }

    @ParameterizedTest
    @MethodSource("publishedTypes")
    void eachSampleShowsEveryFieldWithAValue(Class<?> type) throws IOException {
        JsonNode sample = ContractSamples.mapper().readTree(ContractSamples.sample(type));

        assertThat(type.getRecordComponents())
                .extracting(RecordComponent::getName)
                .allSatisfy(field -> assertThat(sample.path(field).isMissingNode() || sample.path(field).isNull())
                        .as("sample of %s shows %s", type.getSimpleName(), field)
                        .isFalse());
    }

    @ParameterizedTest
    @MethodSource("integrationEventTypes")
    void noIntegrationEventCarriesAPersonalDataField(Class<?> type) {
        assertThat(type.getRecordComponents())
                .extracting(RecordComponent::getName)
                .allSatisfy(field -> {
                    assertThat(field).doesNotMatch(PERSONAL_DATA_NAME);
                    if (field.equals("name")) {
                        assertThat(type.getSimpleName() + ".name").isIn(NON_PERSONAL_NAMES);
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("integrationEventTypes")
    void integrationEventsCarryOnlyFlatValues(Class<?> type) {
        // Nested objects could smuggle a person's details past the field-name check above.
        assertThat(type.getRecordComponents())
                .extracting(RecordComponent::getType)
                .allSatisfy(fieldType -> assertThat(fieldType.isEnum() || FLAT_VALUE_TYPES.contains(fieldType))
                        .as("%s is a flat value type", fieldType.getName())
                        .isTrue());
    }

    @ParameterizedTest
    @MethodSource("integrationEventTypes")
    void integrationEventsStartWithTheAccountIdAndEndWithValidFrom(Class<?> type) {
        RecordComponent[] fields = type.getRecordComponents();

        assertThat(fields[0].getName()).isEqualTo("accountId");
        assertThat(fields[fields.length - 1].getName()).isEqualTo("validFrom");
    }

    @Test
    void asyncApiDocumentNamesEveryMessageTopicAndHeader() throws IOException {
        String asyncApi = Files.readString(ASYNCAPI, StandardCharsets.UTF_8);

        assertThat(publishedTypes()).allSatisfy(type ->
                assertThat(asyncApi).contains("name: " + EventCatalog.wireName(type)));
        assertThat(constants(Topics.class)).allSatisfy(topic ->
                assertThat(asyncApi).contains("address: " + topic));
        assertThat(extensionAttributes()).allSatisfy(attribute ->
                assertThat(asyncApi).contains(EnvelopeAttributes.HEADER_PREFIX + attribute + ":"));
    }

    @Test
    void discoversEveryRecordOfTheSealedHierarchy() {
        Map<Class<?>, Long> perFamily = integrationEventTypes().stream()
                .collect(Collectors.groupingBy(type -> type.getInterfaces()[0], Collectors.counting()));

        assertThat(integrationEventTypes()).allSatisfy(type -> assertThat(type.isRecord()).isTrue());
        assertThat(perFamily).containsOnlyKeys(AccountEvent.class, ContactEvent.class, MappingEvent.class,
                EngagementEvent.class);
        assertThat(integrationEventTypes()).contains(
                AccountEvent.AccountOpened.class, ContactEvent.ContactsMerged.class,
                MappingEvent.RelationshipChanged.class, EngagementEvent.HandoverDone.class);
        assertThat(integrationEventTypes()).doesNotContain(ContactProfile.class);
    }

    @ParameterizedTest
    @MethodSource("publishedTypes")
    void findsEachClassByItsWireNameAndCurrentRevision(Class<?> type) {
        assertThat(EventCatalog.classFor(EventCatalog.wireName(type), EventCatalog.revision(type))).contains(type);
    }

    @Test
    void findsNoClassForAnUnknownWireNameOrAnotherRevision() {
        assertThat(EventCatalog.classFor("mapping.RelationshipChanged", 2)).isEmpty();
        assertThat(EventCatalog.classFor("mapping.RelationshipChanged", 0)).isEmpty();
        assertThat(EventCatalog.classFor("mapping.NoSuchEvent", 1)).isEmpty();
        assertThat(EventCatalog.classFor(MappingEvent.RelationshipChanged.class.getName(), 1)).isEmpty();
    }

    @Test
    void routesAccountAndContactEventsToTheContactsTopic() {
        assertThat(EventCatalog.topicOf(AccountEvent.AccountRenewed.class)).isEqualTo(Topics.CONTACTS);
        assertThat(EventCatalog.topicOf(ContactEvent.ContactErased.class)).isEqualTo(Topics.CONTACTS);
    }

    @Test
    void routesMappingAndEngagementEventsToTheirOwnTopics() {
        assertThat(EventCatalog.topicOf(MappingEvent.CoalitionFormed.class)).isEqualTo(Topics.MAPPING);
        assertThat(EventCatalog.topicOf(EngagementEvent.TicketOpened.class)).isEqualTo(Topics.ENGAGEMENT);
    }

    @ParameterizedTest
    @MethodSource("integrationEventTypes")
    void wireNamesArePrefixedWithThePublishingContext(Class<?> type) {
        String prefix = switch (topicOf(type)) {
            case Topics.CONTACTS -> "contacts.";
            case Topics.MAPPING -> "mapping.";
            case Topics.ENGAGEMENT -> "engagement.";
            default -> throw new AssertionError("unexpected topic for " + type);
        };

        assertThat(EventCatalog.wireName(type)).startsWith(prefix);
    }

    @Test
    void refusesAClassWithoutAnEventType() {
        assertThatThrownBy(() -> EventCatalog.wireName(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String has no @EventType");
        assertThatThrownBy(() -> EventCatalog.revision(String.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTwoClassesWithTheSameWireName() {
        assertThatThrownBy(() -> EventCatalog.indexByWireName(List.of(Original.class, Copy.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contacts.AccountOpened")
                .hasMessageContaining(Original.class.getName())
                .hasMessageContaining(Copy.class.getName());
    }

    @EventType(name = "contacts.AccountOpened")
    private record Original() {
    }

    @EventType(name = "contacts.AccountOpened", revision = 2)
    private record Copy() {
    }

    static List<String> extensionAttributes() {
        return constants(EnvelopeAttributes.class).stream()
                .filter(attribute -> !attribute.equals(EnvelopeAttributes.HEADER_PREFIX))
                .toList();
    }

    private static List<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getFields())
                .filter(field -> field.getType() == String.class)
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String diff(List<String> approved, List<String> received) {
        if (new TreeSet<>(approved).equals(new TreeSet<>(received))) {
            return "(the same lines in another order: keep the approved file sorted)";
        }
        List<String> lines = new ArrayList<>();
        approved.stream().filter(line -> !received.contains(line)).forEach(line -> lines.add("- " + line));
        received.stream().filter(line -> !approved.contains(line)).forEach(line -> lines.add("+ " + line));
        return String.join(System.lineSeparator(), lines);
    }
}
