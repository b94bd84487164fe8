package org.relationshipledger.contracts;

/**
 * Kafka topics of the published language. Every record is keyed by account id, except the
 * profile topic, which is keyed by contact id and compacted.
 */
public final class Topics {

    /** {@link AccountEvent}s and {@link ContactEvent}s, PII-free. Retention: infinite. */
    public static final String CONTACTS = "ledger.contacts.v1";

    /**
     * {@link ContactProfile} values (clear PII) keyed by contact id; compacted, and an erased contact's
     * key gets a tombstone (null value), so no latest value holds their PII.
     */
    public static final String CONTACT_PROFILES = "ledger.contact-profiles.v1";

    /** {@link MappingEvent}s. Retention: infinite. */
    public static final String MAPPING = "ledger.mapping.v1";

    /** {@link EngagementEvent}s. Retention: infinite. */
    public static final String ENGAGEMENT = "ledger.engagement.v1";

    private Topics() {
    }
}
