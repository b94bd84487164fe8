package org.relationshipledger.engagement.interaction;

public enum Channel { EMAIL, CALL, MEETING, CHAT, SOCIAL, IN_PRODUCT, BUSINESS_REVIEW }
