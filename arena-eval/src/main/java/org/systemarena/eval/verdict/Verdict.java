package org.systemarena.eval.verdict;

import java.util.Locale;
import java.util.Objects;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.HighConfidenceBound;

/**
 * The one answer to "is this policy better than that baseline?", computed once (by {@link VerdictRule}) and read by
 * the console, every report, the CLI gate and tests.
 *
 * @param outcome      better, worse, no detectable difference, or inconclusive
 * @param reason       why it is inconclusive; null otherwise
 * @param message      one sentence with the figures, for people
 * @param notEstimable the policy (this one or the baseline) whose conversion cannot be estimated, when that is why
 *                     the verdict is inconclusive; null otherwise
 * @param estimator    the estimator the difference comes from ({@code snips}, or {@code doubly_robust} when the
 *                     weights were inconclusive and the model decided); null when inconclusive before one could be
 *                     chosen
 * @param interval     how the difference's interval was made ({@code percentile_bootstrap}, paired)
 * @param margin       the non-inferiority margin the verdict was asked with (0 when none)
 * @param difference   policy minus baseline, with its interval; {@link Estimate#UNDEFINED} when there is none
 * @param highConfidence the conservative interval of the same difference (empirical Bernstein on clipped weights)
 * @param modelObstacle  when inconclusive and a model-based verdict was tried, why the model could not decide
 *                       either; null otherwise
 */
public record Verdict(Outcome outcome, Reason reason, String message, String notEstimable, String estimator,
                      String interval,
                      double margin, Estimate difference, HighConfidenceBound.Interval highConfidence,
                      String modelObstacle) {
    public enum Outcome {
        BETTER, WORSE, NO_DETECTABLE_DIFFERENCE, INCONCLUSIVE;

        /** The code used in reports and results.json, e.g. {@code no_detectable_difference}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(difference, "difference");
        if ((outcome == Outcome.INCONCLUSIVE) != (reason != null)) {
            throw new IllegalArgumentException("a verdict has a reason exactly when it is inconclusive");
        }
    }

    public boolean inconclusive() {
        return outcome == Outcome.INCONCLUSIVE;
    }

    /**
     * Whether the policy is shown not worse than the baseline by more than {@code margin}: the difference's lower
     * end is above -margin. False when inconclusive.
     */
    public boolean notWorseBy(double margin) {
        return !inconclusive() && difference.lower() > -margin;
    }

    /** Whether the verdict meets a requirement; an inconclusive verdict meets none. */
    public boolean meets(Requirement requirement) {
        return switch (requirement.kind()) {
            case BETTER -> outcome == Outcome.BETTER;
            case NOT_WORSE -> notWorseBy(requirement.margin());
        };
    }
}
