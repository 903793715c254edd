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
}
