package org.relationshipledger.core.outbox;

import java.util.Objects;

import org.relationshipledger.contracts.ContactProfile;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;

/**
 * One Kafka record the relay publishes for a stored event. {@code payload} is null only for a tombstone on a
 * compacted topic.
 */
public record Outbound(String topic, String key, String accountId, String type, int revision, Object payload) {

    public Outbound {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
    }

    /** An integration event on its context's topic, keyed by account id. */
    public static Outbound of(IntegrationEvent event) {
        Class<? extends IntegrationEvent> type = event.getClass();
        return new Outbound(EventCatalog.topicOf(type), event.accountId(), event.accountId(),
                EventCatalog.wireName(type), EventCatalog.revision(type), event);
    }

    /** A contact's current clear-PII profile on the compacted profile topic, keyed by contact id. */
    public static Outbound profile(ContactProfile profile) {
        return new Outbound(Topics.CONTACT_PROFILES, profile.contactId(), profile.accountId(),
                EventCatalog.wireName(ContactProfile.class), EventCatalog.revision(ContactProfile.class), profile);
    }

    /** Removes an erased contact's profile from the compacted topic's latest values. */
    public static Outbound profileTombstone(String contactId, String accountId) {
        return new Outbound(Topics.CONTACT_PROFILES, contactId, accountId,
                EventCatalog.wireName(ContactProfile.class), EventCatalog.revision(ContactProfile.class), null);
    }
}
