package org.relationshipledger.mapping.accountmap;

/**
 * What mapping knows about the contacts of an account, learnt from contacts-service's events. The account map
 * asks it before naming a contact, so a map never points at someone who is not (or no longer) at the account.
 */
@FunctionalInterface
public interface ContactDirectory {

    ContactStanding standing(String accountId, String contactId);

    enum ContactStanding {
        ACTIVE,
        /** Unknown here, or a contact of another account. */
        UNKNOWN,
        LEFT,
        ERASED,
        /** Folded into another contact record; the surviving id must be used instead. */
        MERGED
    }
}
