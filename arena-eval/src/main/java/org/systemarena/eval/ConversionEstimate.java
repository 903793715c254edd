package org.systemarena.eval;

import java.util.List;
import java.util.Objects;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.model.ModelBasedResult;
import org.systemarena.eval.verdict.Assessment;

/**
 * A policy's estimated conversion: the assessment a report leads with (a recommended estimate, or why there is
 * none, and the support figures), the estimators' raw result, what a reader needs to believe it — the kind of
 * target, its weights, notes the evaluation adds to the estimator's warnings — and a plain-language explanation of
 * why the estimate is what it is; the model-based estimates when a comparison needed them ({@code model}, null
 * otherwise); and, when something outside the log knows it ({@link KnownTruth}, e.g. the synthetic
 * generator that made the log), the policy's true conversion (null otherwise).
 */
public record ConversionEstimate(Assessment assessment, OffPolicyEstimate estimate, TargetKind kind,
                                 WeightSummary weights, List<String> notes, String explanation,
                                 ModelBasedResult model, KnownTruth truth) {
    public ConversionEstimate {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weights, "weights");
        notes = List.copyOf(notes);
        Objects.requireNonNull(explanation, "explanation");
    }
}
