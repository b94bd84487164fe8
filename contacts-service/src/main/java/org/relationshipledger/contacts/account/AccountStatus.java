package org.relationshipledger.contacts.account;

public enum AccountStatus { OPEN, CHURNED }
