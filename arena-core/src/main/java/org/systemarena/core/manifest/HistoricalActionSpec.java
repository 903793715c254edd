package org.systemarena.core.manifest;

/**
 * Where the log records what was actually done: the {@code field} payload value of the first {@code eventType} event
 * after a decision point's trigger (and before the case's next decision point), with its logged probability in
 * {@code propensityField} and, optionally, the logging policy's whole distribution over actions in
 * {@code distributionField} (a JSON object as text, action type to probability; null: the log has none).
 */
public record HistoricalActionSpec(String eventType, String field, String propensityField, String distributionField) {
    public HistoricalActionSpec {
        eventType = eventType == null ? "decision.executed" : eventType;
        field = field == null ? "action" : field;
        propensityField = propensityField == null ? "propensity" : propensityField;
    }

    /** The spec without a distribution field. */
    public HistoricalActionSpec(String eventType, String field, String propensityField) {
        this(eventType, field, propensityField, null);
    }

    public static HistoricalActionSpec defaults() {
        return new HistoricalActionSpec(null, null, null, null);
    }

    /** Why a logged propensity is refused, after its location. */
    public static final String BAD_PROPENSITY = "logged propensity must be a probability in (0, 1] (the logged action"
            + " was taken, so its probability was above 0)";

    /**
     * A logged propensity value (a number, or a string of one) as a probability; NaN when it is not a number in
     * (0, 1]. Null is not a value: the caller treats it as no propensity.
     */
    public static double probability(Object value) {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return d > 0 && d <= 1 ? d : Double.NaN;
    }
}
