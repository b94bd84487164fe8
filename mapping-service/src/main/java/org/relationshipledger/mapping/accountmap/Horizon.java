package org.relationshipledger.mapping.accountmap;

public enum Horizon { SHORT_TERM, MID_TERM, LONG_TERM }
