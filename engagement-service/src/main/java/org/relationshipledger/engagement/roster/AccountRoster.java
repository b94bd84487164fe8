package org.relationshipledger.engagement.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.relationshipledger.core.web.RuleViolation;

/**
 * What engagement knows about the client's side of an account, learnt from contacts-service's events. Aggregates
 * ask it before they decide, so an interaction, ticket or survey never names a contact the account does not have.
 */
public interface AccountRoster {

    boolean accountExists(String accountId);

    Optional<RosterContact> contact(String contactId);

    /** @throws RuleViolation 404 when engagement has never heard of the account */
    default void requireAccount(String accountId) {
        if (!accountExists(accountId)) {
            throw RuleViolation.notFound("accountId", "No account " + accountId + " is known.");
        }
    }

    /**
     * A contact may take part in something that happened at {@code occurredAt} if it belongs to the account, is not
     * erased or merged away, and had not left yet by then (back-filled history may name people who left since).
     */
    default void requireParticipants(String accountId, Collection<String> contactIds, Instant occurredAt,
                                     String field) {
        for (String contactId : contactIds) {
            RosterContact contact = contact(contactId)
                    .filter(known -> known.accountId().equals(accountId))
                    .orElseThrow(() -> RuleViolation.notFound(field,
                            "No contact " + contactId + " is known at account " + accountId + "."));
            switch (contact.status()) {
                case ERASED -> throw RuleViolation.conflict(field, "Contact " + contactId + " was erased.");
                case MERGED -> throw RuleViolation.conflict(field,
                        "Contact " + contactId + " was merged into " + contact.mergedInto() + "; use that id.");
                case LEFT -> {
                    if (!occurredAt.isBefore(contact.leftAt())) {
                        throw RuleViolation.unprocessable(field, "Contact " + contactId
                                + " left the account on " + contact.leftAt() + ", before this happened.");
                    }
                }
                case ACTIVE -> {
                }
            }
        }
    }
}
