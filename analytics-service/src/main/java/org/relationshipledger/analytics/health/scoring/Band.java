package org.relationshipledger.analytics.health.scoring;

public enum Band { HEALTHY, WATCH, AT_RISK }
