package org.relationshipledger.contacts.contact;

/** Rank in the client's hierarchy. */
public enum Seniority { C_LEVEL, VP, DIRECTOR, MANAGER, INDIVIDUAL_CONTRIBUTOR }
