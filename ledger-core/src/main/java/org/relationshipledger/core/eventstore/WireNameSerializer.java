package org.relationshipledger.core.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.relationshipledger.contracts.EventType;

/**
 * Stores events under their {@link EventType} wire name instead of the Java class name, so moving or
 * renaming a class never breaks stored history (ADR 0004). Types without the annotation (Axon's own
 * metadata, tokens) keep the delegate's naming.
 */
public final class WireNameSerializer implements Serializer {

    private final Serializer delegate;
    private final Map<String, Class<?>> classesByWireName = new ConcurrentHashMap<>();

    public WireNameSerializer(Serializer delegate, Iterable<Class<?>> eventTypes) {
        this.delegate = delegate;
        eventTypes.forEach(this::register);
    }

    /** Reads the revision from {@link EventType}, so the name and revision are declared in one place. */
    public static RevisionResolver revisionResolver() {
        return payloadType -> {
            EventType type = payloadType.getAnnotation(EventType.class);
            return type == null ? null : Integer.toString(type.revision());
        };
    }

    public void register(Class<?> eventType) {
        EventType annotation = eventType.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventType.getName() + " has no @EventType wire name");
        }
        Class<?> previous = classesByWireName.putIfAbsent(annotation.name(), eventType);
        if (previous != null && previous != eventType) {
            throw new IllegalStateException("wire name " + annotation.name() + " is claimed by both "
                    + previous.getName() + " and " + eventType.getName());
        }
    }

    /** The class stored under {@code wireName}, or null if none was registered. */
    Class<?> registeredClass(String wireName) {
        return classesByWireName.get(wireName);
    }

    Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        EventType annotation = object == null ? null : object.getClass().getAnnotation(EventType.class);
        if (annotation == null) {
            return serialized;
        }
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                new SimpleSerializedType(annotation.name(), serialized.getType().getRevision()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> wireClass = classesByWireName.get(serializedObject.getType().getName());
        if (wireClass == null) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(),
                new SimpleSerializedType(wireClass.getName(), serializedObject.getType().getRevision())));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> wireClass = classesByWireName.get(type.getName());
        return wireClass != null ? wireClass : delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw Class
    public SerializedType typeForClass(Class type) {
        EventType annotation = type == null ? null : ((Class<?>) type).getAnnotation(EventType.class);
        if (annotation == null) {
            return delegate.typeForClass(type);
        }
        return new SimpleSerializedType(annotation.name(), Integer.toString(annotation.revision()));
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
