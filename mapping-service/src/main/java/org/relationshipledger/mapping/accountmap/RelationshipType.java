package org.relationshipledger.mapping.accountmap;

/** Direction matters: the {@code from} contact defers to, influences or opposes the {@code to} contact. */
public enum RelationshipType { DEFERS_TO, INFLUENCES, OPPOSES }
