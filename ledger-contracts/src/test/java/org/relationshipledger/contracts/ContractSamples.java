package org.relationshipledger.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The approved JSON samples of the published language, for this module's catalog test and for
 * consumers' contract tests (shipped in the test-jar): a consumer that deserialises these files reads
 * exactly what the producer approved.
 */
public final class ContractSamples {

    private static final String SAMPLES_DIRECTORY = "contracts/samples";

    private ContractSamples() {
    }

    /**
     * The JSON settings the wire format assumes: ISO-8601 strings for java.time values, and unknown
     * properties ignored so that an added optional field never breaks an older consumer. A new
     * instance per call, because an ObjectMapper is mutable and tests must not leak settings.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Where the sample of {@code type} lives, relative to a resources root: the classpath, or
     * {@code src/test/resources} of this module.
     */
    public static Path samplePath(Class<?> type) {
        return Path.of(SAMPLES_DIRECTORY, fileName(type));
    }

    public static String sample(Class<?> type) {
        String resource = "/" + SAMPLES_DIRECTORY + "/" + fileName(type);
        try (InputStream in = ContractSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No sample on the classpath at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of {@code type}, deserialised: a realistic instance for consumer tests. */
    public static <T> T sampleEvent(Class<T> type) {
        try {
            return mapper().readValue(sample(type), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Sample of " + type.getName() + " does not deserialise", e);
        }
    }

    private static String fileName(Class<?> type) {
        return "%s.v%d.json".formatted(EventCatalog.wireName(type), EventCatalog.revision(type));
    }
}
