package org.relationshipledger.contacts.contact;

/** ACTIVE while the record stands for a person; MERGED into another record; ERASED on the person's request. */
public enum ContactStatus { ACTIVE, MERGED, ERASED }
