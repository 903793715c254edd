package org.systemarena.eval.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.Exclusions;

/**
 * One target's model-based estimates of conversion (docs/metrics.md, section 9), each with its percentile bootstrap
 * interval over cases (the outcome models fitted once, not per resample), and what they rest on.
 *
 * @param cases         cases in the log
 * @param usedCases     cases the estimates use (the importance-sampling rules: see {@code exclusions})
 * @param loggingPolicy whether the target was evaluated as the logging policy itself (every weight 1, DR and WDR
 *                      the observed mean exactly)
 * @param dm            direct method: mean over used cases of V(x_0), the first decision point's value
 * @param dr            per-decision doubly robust (Jiang and Li 2016)
 * @param wdr           weighted doubly robust (Thomas and Brunskill 2016)
 * @param modelCheck    the outcome model's held-out check; a model that fails it is not used
 * @param coverage      the target's probability on actions not modelled, or modelled from few decisions
 * @param fit           the fitted-Q runs
 * @param weights       the per-decision weights
 * @param resampled     the three estimates on every resample, for paired comparisons
 * @param warnings      in a fixed order (that of {@link ModelWarning.Code})
 */
public record ModelBasedResult(int cases, int usedCases, Exclusions exclusions, boolean loggingPolicy, Estimate dm,
        Estimate dr, Estimate wdr, OutcomeModelCheck modelCheck, ModelCoverage coverage, OutcomeModelFit fit,
        WeightDiagnostics weights, double confidence, ResampledEstimates resampled, List<ModelWarning> warnings) {
    public ModelBasedResult {
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(dm, "dm");
        Objects.requireNonNull(dr, "dr");
        Objects.requireNonNull(wdr, "wdr");
        Objects.requireNonNull(modelCheck, "modelCheck");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(resampled, "resampled");
        warnings = List.copyOf(warnings);
    }

    /** Whether DR is defined and rests on a model that passed its check: the condition for using these estimates. */
    public boolean usable() {
        return dr.isDefined() && modelCheck.passed();
    }

    public boolean hasWarning(ModelWarning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }

    /** One sentence for reports. */
    public String describe() {
        String model = String.format(Locale.ROOT, "fitted-Q evaluation with a logistic model per action on %d"
                + " features, %s (%d fitted-Q rounds at most)", fit.features().size(), fit.crossFitted()
                ? fit.folds() + "-fold cross-fitted by case" : "not cross-fitted (too few cases)", fit.iterations());
        if (!dr.isDefined()) {
            String why = usedCases == 0 ? "no usable case" : String.format(Locale.ROOT, "%.1f%% of the target's"
                    + " probability is on actions the log never took at their rule, so %,d of %,d used cases need a"
                    + " value no model has", 100 * coverage.notModelledMass(), coverage.drUndefinedCases(), usedCases);
            return "no model-based estimate: " + why + "; " + model;
        }
        String estimates = String.format(Locale.ROOT, "doubly robust %.3f [%.3f, %.3f] (direct method %s, weighted DR"
                + " %.3f) over %,d cases", dr.value(), dr.lower(), dr.upper(),
                dm.isDefined() ? String.format(Locale.ROOT, "%.3f", dm.value()) : "n/a", wdr.value(), usedCases);
        String flags = String.format(Locale.ROOT, "%.1f%% of the target's probability model-extrapolated, final weight"
                + " ESS %.1f", 100 * coverage.extrapolatedMass(), weights.finalEffectiveSampleSize());
        String check = modelCheck.passed() ? "outcome model check passed"
                : "not to be used: the outcome model check failed (" + modelCheck.failure() + ")";
        return estimates + " from " + model + "; " + check + "; " + flags;
    }
}
