package org.systemarena.eval.behaviour;

import java.util.List;
import java.util.Objects;

/**
 * How one decision rule's behaviour model came out.
 *
 * @param steps            the rule's steps (each gets a probability for every action)
 * @param decisions        its steps with a logged action: the rows models are fitted on and evaluated with
 * @param actions          the actions modelled: those logged at the rule at least once; all others get 0
 * @param folds            the models fitted for the rule (folds with steps of the rule)
 * @param subsampled       whether any of them was fitted on a subsample of its training decisions
 * @param logLoss          mean of -log p(logged action) over the decisions, each scored by the model that did not see
 *                         its case ({@code NaN} without decisions)
 * @param frequencyLogLoss the same for the per-rule action frequencies of the same training rows, with the same
 *                         smoothing: when it is not larger, the features did not help
 */
public record RuleDiagnostics(String rule, Status status, int steps, int decisions, List<String> actions,
        List<FeatureUse> features, List<DroppedFeature> dropped, int folds, List<FoldConvergence> fits,
        boolean subsampled, double logLoss, double frequencyLogLoss, List<ActionCalibration> calibration) {
    public enum Status {
        /** Two or more actions logged: a model per fold. */
        MODELLED,
        /** One action logged: it gets probability 1 at every step, nothing is fitted. */
        SINGLE_ACTION,
        /** No action logged: every action gets probability 0, nothing can be estimated. */
        NO_LOGGED_ACTION
    }

    public RuleDiagnostics {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        actions = List.copyOf(actions);
        features = List.copyOf(features);
        dropped = List.copyOf(dropped);
        fits = List.copyOf(fits);
        calibration = List.copyOf(calibration);
    }

    /** Whether every fitted model reached the tolerance. */
    public boolean converged() {
        return fits.stream().allMatch(FoldConvergence::converged);
    }
}
