package org.relationshipledger.core.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evidence chain (DESIGN.md invariant 7): each event's value is SHA-256 over the previous value
 * of its stream and the event exactly as stored. Editing, deleting or reordering any stored event changes
 * a value the next event depends on.
 */
public final class HashChain {

    /** The "previous" value of the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * @param metaData the event's metadata without the chain values themselves; sorted here so the
     *                 value does not depend on map order
     */
    public static String link(String previous, StoredEventBytes event, Map<String, ?> metaData) {
        MessageDigest sha256 = sha256();
        field(sha256, previous);
        field(sha256, event.eventIdentifier());
        field(sha256, event.aggregateType());
        field(sha256, event.aggregateIdentifier());
        field(sha256, Long.toString(event.sequenceNumber()));
        field(sha256, event.timestamp());
        field(sha256, event.payloadType());
        field(sha256, event.payloadRevision() == null ? "" : event.payloadRevision());
        field(sha256, event.payload());
        new TreeMap<>(metaData).forEach((key, value) -> {
            field(sha256, key);
            field(sha256, String.valueOf(value));
        });
        return HexFormat.of().formatHex(sha256.digest());
    }

    // Length-prefixed so that moving bytes from one field to the next changes the value.
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
