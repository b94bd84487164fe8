package org.relationshipledger.engagement.ticket;

/** Declared from least to most severe: escalation only moves up this order. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
