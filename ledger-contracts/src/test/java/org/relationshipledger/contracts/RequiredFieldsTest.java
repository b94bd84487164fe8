package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every field is required unless it is listed here; a consumer may rely on a required field being
 * present without a null check. The AsyncAPI payload schemas state the same split.
 */
class RequiredFieldsTest {

    static final Set<String> OPTIONAL_FIELDS = Set.of(
            "AccountOpened.industry", "AccountOpened.region",
            "ContactAdded.department", "ContactAdded.function", "ContactAdded.seniority",
            "ContactDetailsChanged.department", "ContactDetailsChanged.function", "ContactDetailsChanged.seniority",
            "RelationshipChanged.reasonNote",
            "AffinityRated.note",
            "InteractionLogged.followUpOn",
            "TicketOpened.contactId",
            "ContactProfile.email", "ContactProfile.phone");

    static boolean isOptional(Class<?> type, RecordComponent field) {
        return OPTIONAL_FIELDS.contains(type.getSimpleName() + "." + field.getName());
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void rejectsNullInEveryRequiredFieldNamingTheField(Class<?> type) {
        Record sample = (Record) ContractSamples.sampleEvent(type);

        Arrays.stream(type.getRecordComponents())
                .filter(field -> !field.getType().isPrimitive() && !isOptional(type, field))
                .forEach(field -> assertThatThrownBy(() -> RecordFields.copyWith(sample, field.getName(), null))
                        .as("%s.%s is required", type.getSimpleName(), field.getName())
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(field.getName()));
    }

    @ParameterizedTest
    @MethodSource("org.relationshipledger.contracts.EventCatalogTest#publishedTypes")
    void acceptsNullInEveryOptionalField(Class<?> type) {
        Record sample = (Record) ContractSamples.sampleEvent(type);

        Arrays.stream(type.getRecordComponents())
                .filter(field -> isOptional(type, field))
                .forEach(field -> assertThatCode(() -> RecordFields.copyWith(sample, field.getName(), null))
                        .as("%s.%s is optional", type.getSimpleName(), field.getName())
                        .doesNotThrowAnyException());
    }

    @Test
    void listsOnlyFieldsThatExistAsOptional() {
        Set<String> fields = EventCatalogTest.publishedTypes().stream()
                .flatMap(type -> Arrays.stream(type.getRecordComponents())
                        .map(field -> type.getSimpleName() + "." + field.getName()))
                .collect(Collectors.toSet());

        assertThat(fields).containsAll(OPTIONAL_FIELDS);
    }
}
