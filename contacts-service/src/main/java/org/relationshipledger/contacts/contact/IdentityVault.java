package org.relationshipledger.contacts.contact;

import java.util.Optional;

/**
 * Seals and opens contacts' personal data with a data key per contact, and destroys keys for erasure
 * (crypto-shredding, ADR 0010).
 */
public interface IdentityVault {

    /** Seals under the contact's key, creating the key on first use. */
    SealedIdentity seal(String contactId, Identity identity);

    /** Empty once the contact's key was shredded. */
    Optional<Identity> open(String contactId, SealedIdentity sealed);

    /** Destroys the contact's key for good; a no-op when there is none. */
    void shred(String contactId);
}
