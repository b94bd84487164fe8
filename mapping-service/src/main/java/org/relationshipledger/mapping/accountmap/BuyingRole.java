package org.relationshipledger.mapping.accountmap;

public enum BuyingRole { DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, GATEKEEPER, USER, BLOCKER }
