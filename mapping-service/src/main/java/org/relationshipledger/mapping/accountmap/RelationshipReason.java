package org.relationshipledger.mapping.accountmap;

public enum RelationshipReason { AUTHORITY, EXPERTISE, TRUST, SHARED_INTEREST, PAST_CONFLICT, OTHER }
