package org.relationshipledger.analytics.health;

import java.util.List;

import org.relationshipledger.analytics.health.scoring.ComponentScore;

public record AtRiskAccount(int rank, String accountId, String name, String owner, String segment, double score,
                            List<ComponentScore> topReasons) {
}
