package org.relationshipledger.bench;

/**
 * One measured figure beside the raw baseline measured in the same run.
 *
 * @param ratio  value ÷ baseline
 * @param target the goal on the ratio (or the value), as text, e.g. "ratio ≥ 0.5"
 * @param met    whether this run met it; a benchmark never fails on a number
 */
record Figure(String id, String name, double value, String unit, double baseline, String baselineName, double ratio,
              String target, boolean met, String note) {

    static Figure of(String id, String name, double value, String unit, double baseline, String baselineName,
                     String target, boolean higherIsBetter, double threshold, String note) {
        double ratio = baseline == 0 ? Double.NaN : value / baseline;
        boolean met = higherIsBetter ? ratio >= threshold : ratio <= threshold;
        return new Figure(id, name, value, unit, baseline, baselineName, ratio, target, met, note);
    }

    static Figure absolute(String id, String name, double value, String unit, String target, boolean met,
                           String note) {
        return new Figure(id, name, value, unit, Double.NaN, "—", Double.NaN, target, met, note);
    }
}
