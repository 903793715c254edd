package org.systemarena.eval.model;

import org.systemarena.eval.estimate.Exclusions;

/**
 * One target's view of the log: which cases can be used, the per-decision ratio pi(a_t | x_t) / mu_t, and where
 * V(x_t) = sum_a pi(a | x_t) Q(x_t, a) can be had (the target decided there and puts no probability on an action
 * the log never took at that rule). A case is used under the importance-sampling rules (docs/metrics.md, section 4):
 * every decision point has a logged action, a target probability of it (for the logging policy, mu stands in) and
 * a propensity in (0, 1], and the running weight stays finite; else it is excluded under its first problem.
 */
final class TargetSteps {
    /** steps x actions, the caller's array: read during one evaluation, never kept or written. */
    final double[] pi;
    final boolean loggingPolicy;
    final boolean[] usable;
    final int usableCases;
    final boolean[] vDefined;
    final double[] ratio;
    final Exclusions exclusions;

    private TargetSteps(double[] pi, boolean loggingPolicy, boolean[] usable, int usableCases, boolean[] vDefined,
            double[] ratio, Exclusions exclusions) {
        this.pi = pi;
        this.loggingPolicy = loggingPolicy;
        this.usable = usable;
        this.usableCases = usableCases;
        this.vDefined = vDefined;
        this.ratio = ratio;
        this.exclusions = exclusions;
    }

    static TargetSteps of(LogShape shape, double[] mu, double[] pi, boolean loggingPolicy) {
        int m = shape.actions;
        boolean[] vDefined = new boolean[shape.steps];
        for (int s = 0; s < shape.steps; s++) {
            boolean defined = !Double.isNaN(pi[s * m]);
            for (int a = 0; a < m && defined; a++) {
                double p = pi[s * m + a];
                defined = !Double.isNaN(p) && (p == 0.0 || shape.modelled(s, a));
            }
            vDefined[s] = defined;
        }
        double[] ratio = new double[shape.steps];
        boolean[] usable = new boolean[shape.cases];
        int missingAction = 0;
        int missingPropensity = 0;
        int invalid = 0;
        int used = 0;
        for (int c = 0; c < shape.cases; c++) {
            int from = shape.caseStart[c];
            int to = shape.caseStart[c + 1];
            boolean noAction = false;
            boolean noPropensity = false;
            boolean badPropensity = false;
            double weight = 1.0;
            boolean finite = true;
            for (int s = from; s < to; s++) {
                int a = shape.logged[s];
                double p = a < 0 ? Double.NaN : pi[s * m + a];
                boolean validMu = mu[s] > 0.0 && mu[s] <= 1.0;
                noAction |= a < 0 || Double.isNaN(p) && !(loggingPolicy && validMu);
                noPropensity |= Double.isNaN(mu[s]);
                badPropensity |= !Double.isNaN(mu[s]) && !validMu;
                ratio[s] = loggingPolicy ? 1.0 : p / mu[s];
                weight *= ratio[s];
                finite &= Double.isFinite(weight);
            }
            if (noAction) {
                missingAction++;
            } else if (noPropensity) {
                missingPropensity++;
            } else if (badPropensity || !finite) {
                invalid++;
            } else {
                usable[c] = true;
                used++;
            }
        }
        return new TargetSteps(pi, loggingPolicy, usable, used, vDefined, ratio,
                new Exclusions(missingAction, missingPropensity, invalid));
    }
}
