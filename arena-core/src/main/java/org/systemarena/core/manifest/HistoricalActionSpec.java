package org.systemarena.core.manifest;

/**
 * Where the log records what was actually done: the {@code field} payload value of the first {@code eventType} event
 * after a decision point's trigger (and before the case's next decision point), with its logged probability in
 * {@code propensityField}.
 */
public record HistoricalActionSpec(String eventType, String field, String propensityField) {
    public HistoricalActionSpec {
        eventType = eventType == null ? "decision.executed" : eventType;
        field = field == null ? "action" : field;
        propensityField = propensityField == null ? "propensity" : propensityField;
    }

    public static HistoricalActionSpec defaults() {
        return new HistoricalActionSpec(null, null, null);
    }
}
