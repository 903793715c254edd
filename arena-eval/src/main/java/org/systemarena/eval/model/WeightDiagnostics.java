package org.systemarena.eval.model;

import java.util.List;

/**
 * The per-decision weights rho_t of the used cases, padded after a case's end.
 *
 * @param horizon             per-step normalisations of weighted DR (steps from {@code horizon - 1} on share one)
 * @param longestCase         decision points of the longest used case
 * @param effectiveSampleSize per step t < horizon, (sum rho_t)^2 / sum rho_t^2; at the last step of a log whose cases
 *                            all fit in the horizon it is the importance-sampling ESS of the whole trajectories
 * @param clip                the cap on rho_t (infinity = none)
 * @param clippedWeights      step weights the cap lowered, of {@code weights}
 */
public record WeightDiagnostics(int horizon, int longestCase, List<Double> effectiveSampleSize, double clip,
        long clippedWeights, long weights) {
    public WeightDiagnostics {
        effectiveSampleSize = List.copyOf(effectiveSampleSize);
    }

    /** The ESS at the last normalised step: how many cases the weighted corrections effectively rest on. */
    public double finalEffectiveSampleSize() {
        return effectiveSampleSize.isEmpty() ? 0.0 : effectiveSampleSize.get(effectiveSampleSize.size() - 1);
    }
}
