package org.systemarena.eval.model;

import java.util.List;
import java.util.Objects;
import org.systemarena.eval.estimate.Estimate;

/**
 * A target against a baseline on the same log: each side as evaluated on its own used cases, and the differences
 * target minus baseline with intervals from the same bootstrap resamples (resample r of one side minus resample r
 * of the other), so case-level noise both share cancels. Unlike the importance-sampling comparison, no case is
 * dropped to pair the sides: each estimate is over its own used cases, and {@code unpairedCases} (with a warning)
 * says how many cases only one side used.
 */
public record ModelBasedComparison(ModelBasedResult target, ModelBasedResult baseline, Estimate dmDifference,
        Estimate drDifference, Estimate wdrDifference, int unpairedCases, List<ModelWarning> warnings) {
    public ModelBasedComparison {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(dmDifference, "dmDifference");
        Objects.requireNonNull(drDifference, "drDifference");
        Objects.requireNonNull(wdrDifference, "wdrDifference");
        warnings = List.copyOf(warnings);
    }
}
