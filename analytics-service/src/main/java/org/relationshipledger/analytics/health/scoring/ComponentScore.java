package org.relationshipledger.analytics.health.scoring;

/**
 * One line of a score's explanation.
 *
 * @param weight    the component's weight in the model
 * @param raw       the input, in the words an account manager would use ("12 days since the last interaction")
 * @param value     the component's fulfilment, 0 to 1, before weighting
 * @param points    what the component contributes to the score
 * @param maxPoints what it would contribute if fulfilled; the difference is why the score is not higher
 */
public record ComponentScore(Component component, double weight, String raw, double value, double points,
                             double maxPoints) {

    public double shortfall() {
        return maxPoints - points;
    }
}
