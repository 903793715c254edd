package org.systemarena.decision;

/**
 * A custom snapshot value computed from the visible events only. Implementations must be thread-safe (extraction may
 * run cases in parallel) and deterministic; the result must be a {@link org.systemarena.core.Values} type or null.
 */
public interface FeatureExtractor {
    /** The snapshot name of the value; must not clash with a built-in name. */
    String name();

    /** The value as of the trigger; {@code visible} holds the case's events up to and including the trigger. */
    Object compute(VisibleHistory visible);

    static FeatureExtractor of(String name, java.util.function.Function<VisibleHistory, Object> compute) {
        java.util.Objects.requireNonNull(name, "feature name");
        java.util.Objects.requireNonNull(compute, "feature function");
        return new FeatureExtractor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object compute(VisibleHistory visible) {
                return compute.apply(visible);
            }

            @Override
            public String toString() {
                return "FeatureExtractor[" + name + "]";
            }
        };
    }
}
