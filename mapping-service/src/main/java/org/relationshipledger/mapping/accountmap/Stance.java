package org.relationshipledger.mapping.accountmap;

/** Where a contact stands towards us, independent of their buying role. */
public enum Stance { ALLY, NEUTRAL, OPPONENT }
