package org.relationshipledger.contacts.account;

/** Commercial tier of an account. */
public enum Segment { STRATEGIC, ENTERPRISE, MID_MARKET, SMB }
