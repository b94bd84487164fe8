package org.relationshipledger.core.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the ledger: ISO-8601 times, unknown fields tolerated (additive fields keep their
 * revision, ADR 0004). Used for stored events and for payloads on the wire alike.
 */
public final class LedgerJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private LedgerJson() {
    }

    /** A copy, so callers cannot reconfigure the shared mapping. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The integration event a record carries.
     *
     * @throws UnknownEventTypeException if its wire name and revision are not in the catalog
     * @throws UncheckedIOException      if its payload does not parse as that event
     */
    public static IntegrationEvent read(LedgerEnvelope envelope) {
        Class<?> type = EventCatalog.classFor(envelope.type(), envelope.revision())
                .orElseThrow(() -> new UnknownEventTypeException(envelope.type(), envelope.revision()));
        if (!IntegrationEvent.class.isAssignableFrom(type)) {
            throw new UnknownEventTypeException(envelope.type(), envelope.revision());
        }
        try {
            return (IntegrationEvent) MAPPER.readValue(envelope.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("record " + envelope.eventId() + " does not parse as " + envelope.type(), e);
        }
    }
}
