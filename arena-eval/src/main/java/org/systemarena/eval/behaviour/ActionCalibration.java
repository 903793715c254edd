package org.systemarena.eval.behaviour;

import java.util.Objects;

/**
 * Out-of-fold calibration of one action at one rule, over the rule's decisions: the mean predicted probability of the
 * action, the share of decisions that took it, and the expected calibration error of that one-vs-rest prediction
 * over 10 equal-width bins of predicted probability ({@code sum_b n_b / n * |mean predicted_b - observed_b|}).
 */
public record ActionCalibration(String action, double meanPredicted, double observedFrequency,
        double calibrationError) {
    public ActionCalibration {
        Objects.requireNonNull(action, "action");
    }
}
