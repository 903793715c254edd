package org.systemarena.policy;

import java.util.Objects;

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
    }
}
