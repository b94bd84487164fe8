package org.relationshipledger.core.eventstore;

import java.util.Map;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * An event message that hands the storage strategy the payload the hash chain was computed over, instead of
 * serialising it a second time. Axon's own copy with new metadata drops its serialised form, and the payload
 * serialisation was a third of the append's CPU (JFR, README "Performance"). Any other serializer or
 * representation serialises as usual.
 */
final class SerializedOnce<T> extends GenericMessage<T> {

    private final Serializer serializer;
    private final SerializedObject<String> payload;

    SerializedOnce(Message<T> original, Map<String, ?> metaData, Serializer serializer,
                   SerializedObject<String> payload) {
        super(original.getIdentifier(), original.getPayloadType(), original.getPayload(), metaData);
        this.serializer = serializer;
        this.payload = payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> SerializedObject<R> serializePayload(Serializer requested, Class<R> representation) {
        if (requested == serializer && representation == String.class) {
            return (SerializedObject<R>) payload;
        }
        return super.serializePayload(requested, representation);
    }
}
