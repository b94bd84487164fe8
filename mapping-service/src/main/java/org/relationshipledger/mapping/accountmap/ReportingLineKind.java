package org.relationshipledger.mapping.accountmap;

/** A solid line is the formal hierarchy; a dotted one is a secondary, often project, line. */
public enum ReportingLineKind { SOLID, DOTTED }
