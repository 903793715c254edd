package org.systemarena.eval.behaviour;

import java.util.Objects;

/**
 * A snapshot feature a rule's models use: its kind ("numeric" or "categorical") and its encoded width, the number of
 * design columns it became (standardised value, bins, missing indicator, levels), the largest over the rule's folds.
 */
public record FeatureUse(String feature, String kind, int width) {
    public FeatureUse {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(kind, "kind");
    }
}
