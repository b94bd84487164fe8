package org.relationshipledger.engagement.freetext;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Free text as a stored event holds it (ADR 0034): an AEAD ciphertext (base64) under the data key {@code keyId}, so
 * destroying that key makes the text unreadable for good while the event's bytes, and the hash chain over them,
 * stay as they were. Events written before the text was sealed are upcast to carry it in {@code clear}, under the
 * key id their record would have had, so an erasure can still mark them.
 *
 * @param ciphertext set for text sealed when it was recorded
 * @param clear      set only for text upcast from an event stored in clear (revision 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealedText(String keyId, String ciphertext, String clear) {

    public SealedText {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("sealed text needs the id of its key");
        }
        if ((ciphertext == null) == (clear == null)) {
            throw new IllegalArgumentException("sealed text holds either a ciphertext or legacy clear text");
        }
    }

    public static SealedText legacy(String keyId, String clear) {
        return new SealedText(keyId, null, clear);
    }

    /** Never the text itself: a sealed value may end up in a log line or an assertion message. */
    @Override
    public String toString() {
        return "SealedText[" + keyId + (clear == null ? ", sealed]" : ", legacy clear]");
    }
}
