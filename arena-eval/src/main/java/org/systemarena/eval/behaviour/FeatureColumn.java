package org.systemarena.eval.behaviour;

/**
 * One snapshot feature of a behaviour model's input, one value per step: {@link NumericFeature} (booleans as 0/1)
 * or {@link CategoricalFeature}. Both are immutable; their arrays are copied in and out.
 */
public sealed interface FeatureColumn permits NumericFeature, CategoricalFeature {
    String name();

    /** The number of steps the column has a value (or a missing marker) for. */
    int size();

    /** {@code "numeric"} or {@code "categorical"}, as the diagnostics name it. */
    String kind();
}
