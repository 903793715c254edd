package org.systemarena.eval.behaviour;

import java.util.Objects;

/** A snapshot feature a rule's models do not use, and why (e.g. "constant", "identifier-like (...)"). */
public record DroppedFeature(String feature, String reason) {
    public DroppedFeature {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(reason, "reason");
    }
}
