package org.systemarena.eval;

import java.util.Objects;
import org.systemarena.eval.estimate.PolicyComparison;

/** A policy against a baseline on the same cases, with paired bootstrap intervals of the differences. */
public record Comparison(String policy, String baseline, PolicyComparison result) {
    public Comparison {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(result, "result");
    }
}
