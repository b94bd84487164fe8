package org.relationshipledger.engagement.interaction;

/** Seen from our side: {@code INBOUND} means the client reached out. */
public enum Direction { INBOUND, OUTBOUND }
