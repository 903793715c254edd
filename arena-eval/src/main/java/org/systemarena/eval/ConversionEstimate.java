package org.systemarena.eval;

import java.util.List;
import java.util.Objects;
import org.systemarena.eval.estimate.OffPolicyEstimate;

/**
 * A policy's estimated conversion: the estimator's result with what a reader needs to believe it — the kind of
 * target, its weights, notes the evaluation adds to the estimator's warnings, and a plain-language explanation of
 * why the estimate is what it is.
 */
public record ConversionEstimate(OffPolicyEstimate estimate, TargetKind kind, WeightSummary weights,
                                 List<String> notes, String explanation) {
    public ConversionEstimate {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weights, "weights");
        notes = List.copyOf(notes);
        Objects.requireNonNull(explanation, "explanation");
    }
}
