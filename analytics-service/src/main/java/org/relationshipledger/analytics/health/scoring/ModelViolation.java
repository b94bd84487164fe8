package org.relationshipledger.analytics.health.scoring;

/** Why a scoring model cannot be used, naming the field at fault (such as {@code weights.recency}). */
public record ModelViolation(String field, String message) {
}
