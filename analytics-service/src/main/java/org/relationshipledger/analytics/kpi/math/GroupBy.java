package org.relationshipledger.analytics.kpi.math;

public enum GroupBy { NONE, OWNER, SEGMENT }
