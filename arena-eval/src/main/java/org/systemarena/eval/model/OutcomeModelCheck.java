package org.systemarena.eval.model;

import java.util.Locale;

/**
 * The outcome model's check on held-out folds: every decision point of a used case, scored by the fold model that did
 * not see its case, against its one-step target under the target policy: the observed reward at the case's last
 * decision point, the same model's V of the next decision point before it. (By the Bellman equation that target's
 * expectation given the state and action is Q itself, so a right Q is calibrated against it. The last decision
 * points alone are not a fair test: when a conversion ends a case, the cases that end at a step are those that just
 * converted or dropped out, and their rewards say nothing about Q there.)
 *
 * <p><b>Rule</b>: the model passes when all three hold; a model that fails is not used
 * ({@link ModelBasedResult#usable()} is false and its estimates are for diagnosis only):
 * <ol>
 *   <li>calibration in the large, mean(target - prediction), is within {@value #Z} standard errors (clustered by
 *       case) or within {@value #TOLERANCE} of 0;</li>
 *   <li>the expected calibration error over deciles of the prediction, sum_b (n_b / n) |mean target_b - mean
 *       prediction_b|, is at most {@value #ECE_NOISE_FACTOR} times what a calibrated model shows from noise alone
 *       ({@code calibratedError}, sum_b (n_b / n) sqrt(2 / pi) sd_b / sqrt(n_b)) plus {@value #TOLERANCE};</li>
 *   <li>its log loss is not above the constant model's (each fold's mean training target) by more than {@value #Z}
 *       standard errors of the difference: a model worse than a constant only adds noise.</li>
 * </ol>
 */
public record OutcomeModelCheck(int steps, double calibrationInTheLarge, double standardError,
        double expectedCalibrationError, double calibratedError, double logLoss, double constantLogLoss,
        double logLossDifferenceStandardError, boolean passed, String failure) {
    public static final double Z = 3.0;
    public static final double TOLERANCE = 0.02;
    public static final double ECE_NOISE_FACTOR = 2.0;

    /** Nothing to check (no held-out decision point has a target): not passed. */
    static OutcomeModelCheck none() {
        return new OutcomeModelCheck(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false, "no held-out decision point to check the model on");
    }

    static OutcomeModelCheck judge(int steps, double citl, double se, double ece, double calibratedError,
            double logLoss, double constantLogLoss, double differenceSe) {
        String failure = null;
        if (!(Math.abs(citl) <= Math.max(Z * se, TOLERANCE))) {
            failure = String.format(Locale.ROOT, "calibration in the large %.4f (standard error %.4f) is more than %.0f"
                    + " standard errors and %.2f from 0", citl, se, Z, TOLERANCE);
        } else if (!(ece <= ECE_NOISE_FACTOR * calibratedError + TOLERANCE)) {
            failure = String.format(Locale.ROOT, "expected calibration error %.4f is above %.0f x %.4f (a calibrated"
                    + " model's) + %.2f", ece, ECE_NOISE_FACTOR, calibratedError, TOLERANCE);
        } else if (!(logLoss - constantLogLoss <= Z * differenceSe)) {
            failure = String.format(Locale.ROOT, "log loss %.4f is above the constant model's %.4f by more than %.0f"
                    + " standard errors (%.4f)", logLoss, constantLogLoss, Z, differenceSe);
        }
        return new OutcomeModelCheck(steps, citl, se, ece, calibratedError, logLoss, constantLogLoss, differenceSe,
                failure == null, failure);
    }

    /** E.g. "passed: calibration in the large -0.0021 (se 0.0034), ECE 0.011, log loss 0.412 vs 0.455 constant". */
    public String describe() {
        if (steps == 0) {
            return "not checked: " + failure;
        }
        String figures = String.format(Locale.ROOT, "calibration in the large %.4f (se %.4f), ECE %.3f, log loss %.3f"
                + " vs %.3f for a constant, on %d held-out decision points", calibrationInTheLarge, standardError,
                expectedCalibrationError, logLoss, constantLogLoss, steps);
        return passed ? "passed: " + figures : "failed (" + failure + "): " + figures;
    }
}
