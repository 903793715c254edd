package org.systemarena.eval.estimate;

import java.util.Objects;

/**
 * Where the logging policy's propensities {@code mu} came from: the log itself, or an estimated behaviour model.
 * Estimates computed with an estimated model carry a warning that says so and repeats this description.
 */
public record PropensitySource(boolean estimated, String description) {
    public static final PropensitySource LOGGED = new PropensitySource(false, "logged propensities");

    public PropensitySource {
        Objects.requireNonNull(description, "description");
    }

    public static PropensitySource estimated(String description) {
        return new PropensitySource(true, description);
    }
}
