package org.relationshipledger.engagement.freetext;

import java.time.Instant;
import java.util.Optional;

/** The records that carry free text, each with its own data key whose id names the record. */
public enum TextRecord {
    INTERACTION, TICKET, SURVEY, HANDOVER;

    private String prefix() {
        return name().toLowerCase(java.util.Locale.ROOT) + ":";
    }

    public String keyId(String recordId) {
        return prefix() + recordId;
    }

    /** A handover has no id of its own; the account and the instant it happened name it within the stream. */
    public static String handoverKeyId(String accountId, Instant at) {
        return HANDOVER.keyId(accountId + "@" + at);
    }

    /** The record id a key id names, if it names a record of this kind. */
    public Optional<String> recordId(String keyId) {
        return keyId.startsWith(prefix()) ? Optional.of(keyId.substring(prefix().length())) : Optional.empty();
    }
}
