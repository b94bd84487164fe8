package org.relationshipledger.contacts.contact;

import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A contact as the API shows it, with clear personal data; erasure removes every field that could identify the
 * person and leaves the id, so org charts and histories still point somewhere.
 */
@Document(ContactView.COLLECTION)
public record ContactView(@Id String id, String homeAccountId, ContactStatus status, String displayName,
                          String fullName, String email, String phone,
                          @JsonIgnore String normalisedName, @JsonIgnore String normalisedEmail,
                          String mergedInto, List<Membership> memberships, List<String> accountIds, long version) {

    public static final String COLLECTION = "contact_views";
    public static final String ERASED_NAME = "erased contact";

    public record Membership(String accountId, String title, String department, String function,
                             Seniority seniority, boolean current) {
    }

    public boolean isCurrentAt(String accountId) {
        return memberships.stream().anyMatch(m -> m.accountId().equals(accountId) && m.current());
    }

    public Optional<Membership> at(String accountId) {
        return memberships.stream().filter(m -> m.accountId().equals(accountId)).findFirst();
    }
}
