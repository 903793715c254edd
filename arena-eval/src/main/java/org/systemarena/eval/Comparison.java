package org.systemarena.eval;

import java.util.Objects;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.model.ModelBasedComparison;
import org.systemarena.eval.verdict.Verdict;

/**
 * A policy against a baseline on the same cases: the verdict, and the paired bootstrap intervals of the differences
 * it rests on: the importance-sampling ones, and the model-based ones when the weights alone were inconclusive
 * ({@code model}; null when the models were not needed or not asked for).
 */
public record Comparison(String policy, String baseline, Verdict verdict, PolicyComparison result,
                         ModelBasedComparison model) {
    public Comparison {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(result, "result");
    }

    public Comparison(String policy, String baseline, Verdict verdict, PolicyComparison result) {
        this(policy, baseline, verdict, result, null);
    }
}
