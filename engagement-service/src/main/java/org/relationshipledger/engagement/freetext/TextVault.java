package org.relationshipledger.engagement.freetext;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Seals and opens the free text of engagement records with a data key per record, and destroys keys when a contact
 * a record involves is erased (crypto-shredding, ADR 0034). Aggregates seal before they apply an event; views open.
 */
public interface TextVault {

    /** What a view shows in place of text whose key was destroyed. */
    String ERASED = "[erased]";

    /**
     * Seals {@code text} under the record's key, creating the key on first use and remembering that the record
     * involves {@code contactIds}. Empty when the record's key was destroyed: an erased record takes no new text.
     */
    Optional<SealedText> seal(String keyId, Collection<String> contactIds, String text);

    /** The text, or empty once its key was destroyed. */
    Optional<String> open(SealedText sealed);

    /** What a view shows: the text, {@link #ERASED} once its key was destroyed, null when there was none. */
    default String show(SealedText sealed) {
        return sealed == null ? null : open(sealed).orElse(ERASED);
    }

    /**
     * Destroys the key of every record that involves the contact, and of the records named in {@code alsoKeyIds}
     * (records known to involve the contact from elsewhere, such as text stored before it was sealed), so none of
     * their text opens again. Answers every key id now destroyed for this contact; repeating it changes nothing.
     */
    Set<String> destroyKeysInvolving(String contactId, Collection<String> alsoKeyIds);
}
