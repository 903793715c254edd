package org.systemarena.eval.model;

import java.util.List;
import org.systemarena.eval.behaviour.DroppedFeature;

/**
 * How the outcome models of one target came out: the folds (cross-fitted when more than one: each case's Q comes
 * from models that never saw it), the features of Q(x, a) and those screened out, and each fold's fitted-Q run.
 */
public record OutcomeModelFit(int folds, boolean crossFitted, List<String> features, List<DroppedFeature> dropped,
        int maxIterations, List<FittedQFold> fits) {
    public OutcomeModelFit {
        features = List.copyOf(features);
        dropped = List.copyOf(dropped);
        fits = List.copyOf(fits);
    }

    /** Whether every fold's targets settled before the cap. */
    public boolean converged() {
        return fits.stream().allMatch(FittedQFold::converged);
    }

    /** The most rounds any fold took. */
    public int iterations() {
        return fits.stream().mapToInt(FittedQFold::iterations).max().orElse(0);
    }
}
