package org.relationshipledger.contacts.contact;

/**
 * An {@link Identity} encrypted with its contact's own data key (base64 of an AEAD ciphertext whose associated data
 * is the contact id). Once the key is shredded, nothing can open it again.
 */
public record SealedIdentity(String ciphertext) {
}
