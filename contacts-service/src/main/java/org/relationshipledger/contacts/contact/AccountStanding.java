package org.relationshipledger.contacts.contact;

/**
 * What the contact model needs to know about an account, answered from the service's own account read model
 * (read-your-writes: in-service projections update in the command's thread).
 */
public interface AccountStanding {

    enum Standing { UNKNOWN, OPEN, CHURNED }

    Standing of(String accountId);
}
