package org.systemarena.eval.estimate;

import java.util.Objects;

/** A reason to read an estimate with care; {@code code} is stable for machines, {@code message} is for people. */
public record EstimateWarning(Code code, String message) {
    public enum Code {
        /** No case could be used: nothing to estimate. */
        NO_USABLE_CASES,
        /** Effective sample size below 30 or below 10% of the used cases. */
        SMALL_EFFECTIVE_SAMPLE_SIZE,
        /** Every used case has weight 0: the target never takes the logged actions, SNIPS is undefined. */
        ZERO_TOTAL_WEIGHT,
        /** Cases excluded because a decision point has no logged action, so pi of it is unknown ({@code NaN}). */
        MISSING_LOGGED_ACTION,
        /** Cases excluded because a decision point has no logged propensity. */
        MISSING_PROPENSITY,
        /** Cases excluded because a logged propensity is 0, negative, above 1, or so small the weight overflows. */
        INVALID_PROPENSITY,
        /** Propensities come from an estimated behaviour model, not the log. */
        ESTIMATED_BEHAVIOUR_MODEL,
        /** Some bootstrap resamples left the estimator undefined; the interval uses the others. */
        UNDEFINED_RESAMPLES,
        /** Paired comparison: cases usable for one policy but not the other were dropped from both. */
        UNPAIRED_CASES
    }

    public EstimateWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
