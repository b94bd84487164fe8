package org.relationshipledger.mapping.views;

import java.time.Instant;

/**
 * What mapping knows about one contact from contacts-service, with the times it learnt it, so a past picture can
 * tell who was still at the account then. An erased contact keeps only its id.
 *
 * @param title    null once erased
 * @param addedAt  when the contact's arrival was recorded
 * @param leftAt   when their departure was recorded; null while at the account
 */
public record ContactCard(String contactId, String title, Instant addedAt, Instant leftAt, boolean erased) {

    public static final String ERASED_LABEL = "erased contact";

    public String label() {
        if (erased) {
            return ERASED_LABEL;
        }
        return title == null ? "unknown contact" : title;
    }

    /** At the account at {@code instant}, as far as we knew then. */
    public boolean presentAt(Instant instant) {
        return (addedAt == null || !addedAt.isAfter(instant)) && (leftAt == null || leftAt.isAfter(instant));
    }

    public boolean leftBy(Instant instant) {
        return leftAt != null && !leftAt.isAfter(instant);
    }
}
