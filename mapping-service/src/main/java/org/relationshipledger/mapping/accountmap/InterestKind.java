package org.relationshipledger.mapping.accountmap;

public enum InterestKind { NEED, CONCERN, FEAR }
