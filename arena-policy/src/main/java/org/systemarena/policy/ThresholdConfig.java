package org.systemarena.policy;

import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * A one-field threshold rule, as in the original: when the snapshot value {@code field} is strictly greater than
 * {@code threshold}, take {@code actionAbove}, otherwise {@code actionBelow}. A missing (null) value takes
 * {@code actionBelow}.
 */
public record ThresholdConfig(String field, double threshold, String actionAbove, String actionBelow) {
    public ThresholdConfig {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(actionAbove, "actionAbove");
        Objects.requireNonNull(actionBelow, "actionBelow");
        // No value is greater than NaN, and none greater than +Infinity: either would decide one way always.
        if (!Double.isFinite(threshold)) {
            throw new ArenaException("threshold of field '" + field + "' must be a finite number, got " + threshold);
        }
    }
}
