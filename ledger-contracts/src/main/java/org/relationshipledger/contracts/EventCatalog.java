package org.relationshipledger.contracts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lookups between event classes and their wire identity ({@link EventType}), for serialisers,
 * deserialisers and topic routing. The list of events is discovered from the sealed
 * {@link IntegrationEvent} hierarchy, so a new record is catalogued (and must then pass the catalog
 * test) the moment it is declared; nothing is kept by hand.
 */
public final class EventCatalog {

    private static final List<Class<?>> INTEGRATION_EVENT_TYPES = leavesOf(IntegrationEvent.class).stream()
            .sorted(Comparator.comparing(EventCatalog::wireName))
            .toList();

    private static final Map<String, Class<?>> BY_WIRE_NAME = indexByWireName(
            Stream.concat(INTEGRATION_EVENT_TYPES.stream(), Stream.of(ContactProfile.class)).toList());

    private static final Map<Class<? extends IntegrationEvent>, String> TOPIC_BY_FAMILY = Map.of(
            AccountEvent.class, Topics.CONTACTS,
            ContactEvent.class, Topics.CONTACTS,
            MappingEvent.class, Topics.MAPPING,
            EngagementEvent.class, Topics.ENGAGEMENT);

    private EventCatalog() {
    }

    /** Every concrete integration event class, ordered by wire name. */
    public static List<Class<?>> integrationEventTypes() {
        return INTEGRATION_EVENT_TYPES;
    }

    public static String wireName(Class<?> type) {
        return eventType(type).name();
    }

    public static int revision(Class<?> type) {
        return eventType(type).revision();
    }

    /**
     * The class that reads the given wire name at the given revision: any integration event or
     * {@link ContactProfile}. Empty for an unknown name and for a revision other than the current one,
     * which the caller must upcast first.
     */
    public static Optional<Class<?>> classFor(String wireName, int revision) {
        return Optional.<Class<?>>ofNullable(BY_WIRE_NAME.get(wireName))
                .filter(type -> revision(type) == revision);
    }

    public static String topicOf(Class<? extends IntegrationEvent> type) {
        return TOPIC_BY_FAMILY.entrySet().stream()
                .filter(family -> family.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        type.getName() + " belongs to no event family with a topic; add it to EventCatalog"));
    }

    private static EventType eventType(Class<?> type) {
        EventType eventType = type.getAnnotation(EventType.class);
        if (eventType == null) {
            throw new IllegalArgumentException(
                    type.getName() + " has no @EventType: every published class needs a wire name and revision");
        }
        return eventType;
    }

    private static List<Class<?>> leavesOf(Class<?> sealedType) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> subtype : sealedType.getPermittedSubclasses()) {
            if (subtype.isSealed()) {
                leaves.addAll(leavesOf(subtype));
            } else {
                leaves.add(subtype);
            }
        }
        return leaves;
    }

    /** Package-private so the duplicate check itself can be tested with throwaway classes. */
    static Map<String, Class<?>> indexByWireName(List<Class<?>> types) {
        Map<String, Class<?>> index = new HashMap<>();
        for (Class<?> type : types) {
            Class<?> previous = index.putIfAbsent(wireName(type), type);
            if (previous != null) {
                throw new IllegalStateException("Wire name %s is used by both %s and %s"
                        .formatted(wireName(type), previous.getName(), type.getName()));
            }
        }
        return Map.copyOf(index);
    }
}
