package org.systemarena.eval;

import java.util.Objects;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.verdict.Verdict;

/**
 * A policy against a baseline on the same cases: the verdict, and the paired bootstrap intervals of the differences
 * it rests on.
 */
public record Comparison(String policy, String baseline, Verdict verdict, PolicyComparison result) {
    public Comparison {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(result, "result");
    }
}
