package org.relationshipledger.mapping.accountmap;

public enum CoalitionAlignment { ALIGNED, OPPOSED }
