package org.relationshipledger.contacts.contact;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who a contact is, in clear text: the personal data that the event store only ever holds sealed.
 *
 * @param email optional
 * @param phone optional
 */
public record Identity(String fullName, String email, String phone) {

    /** Case, accents and spacing do not make two people different. */
    public String normalisedName() {
        return normalise(fullName);
    }

    public String normalisedEmail() {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Identity with(String newFullName, String newEmail, String newPhone) {
        return new Identity(newFullName != null ? newFullName : fullName, newEmail != null ? newEmail : email,
                newPhone != null ? newPhone : phone);
    }

    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Keeps personal data out of logs and exception messages. */
    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}
