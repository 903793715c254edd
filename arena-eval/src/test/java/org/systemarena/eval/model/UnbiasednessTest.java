package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.estimate.BootstrapSettings;

/**
 * Over many simulated worlds of {@link TabularWorld} with exact propensities: DR is unbiased with the true Q and with
 * a wrong one, while DM with the wrong Q is not (which shows the averages can tell); for the logging policy DR is
 * exactly the observed mean with the flag, and without it differs from it by a control variate of mean zero.
 */
class UnbiasednessTest {
    private static final int WORLDS = 400;
    private static final int CASES = 200;
    /** Standard errors of the mean over worlds within which an unbiased estimator must land. */
    private static final double Z = 4.0;

    private record Summary(double mean, double standardError) {
        void isUnbiasedFor(double truth, String what) {
            assertThat(Math.abs(mean - truth)).as("%s: mean %.5f, truth %.5f, se %.5f", what, mean, truth,
                    standardError).isLessThanOrEqualTo(Z * standardError);
        }
    }

    private static Summary over(Function<TabularWorld.Log, Double> estimate) {
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (int w = 1; w <= WORLDS; w++) {
            double e = estimate.apply(TabularWorld.simulate(CASES, w));
            sum += e;
            sumOfSquares += e * e;
        }
        double mean = sum / WORLDS;
        double variance = (sumOfSquares - WORLDS * mean * mean) / (WORLDS - 1);
        return new Summary(mean, Math.sqrt(variance / WORLDS));
    }

    private static ModelBasedResult evaluate(TabularWorld.Log log, TabularWorld.Policy target, double[][][] q,
            boolean loggingPolicy) {
        return ModelBasedEstimator.of(log.decisions(), log.mu(), ModelSettings.defaults(1), BootstrapSettings.of(1))
                .evaluateWith(log.probabilities(target), loggingPolicy, log.values(q));
    }

    /** The Q of another policy, shifted: wrong everywhere, by up to 0.3. */
    private static double[][][] wrongQ() {
        double[][][] q = TabularWorld.trueQ(TabularWorld.MOSTLY_B);
        for (double[][] t : q) {
            for (double[] x : t) {
                x[0] = Math.min(1.0, x[0] + 0.3);
                x[1] = Math.max(0.0, x[1] - 0.1);
            }
        }
        return q;
    }

    @Test
    void drWithTheTrueQIsUnbiased() {
        for (TabularWorld.Policy target : new TabularWorld.Policy[] {TabularWorld.ALWAYS_A, TabularWorld.MOSTLY_B}) {
            double[][][] q = TabularWorld.trueQ(target);
            over(log -> evaluate(log, target, q, false).dr().value())
                    .isUnbiasedFor(TabularWorld.trueValue(target), "DR, true Q");
        }
    }

    @Test
    void drWithAWrongQButExactPropensitiesIsUnbiasedAndDmIsNot() {
        TabularWorld.Policy target = TabularWorld.ALWAYS_A;
        double truth = TabularWorld.trueValue(target);
        double[][][] q = wrongQ();
        over(log -> evaluate(log, target, q, false).dr().value()).isUnbiasedFor(truth, "DR, wrong Q");
        Summary dm = over(log -> evaluate(log, target, q, false).dm().value());
        assertThat(Math.abs(dm.mean() - truth)).as("DM with the wrong Q is off").isGreaterThan(10 * dm.standardError());
    }

    @Test
    void forTheLoggingPolicyDrIsTheObservedMeanExactlyWithTheFlag() {
        double[][][] wrong = wrongQ();
        for (int w = 1; w <= 20; w++) {
            TabularWorld.Log log = TabularWorld.simulate(CASES, w);
            ModelBasedResult r = evaluate(log, TabularWorld.LOGGING, wrong, true);
            assertThat(r.dr().value()).isEqualTo(log.observed());
            assertThat(r.wdr().value()).isEqualTo(log.observed());
        }
    }

    @Test
    void withoutTheFlagTheLoggingPolicysDrDiffersFromTheObservedMeanByAZeroMeanTerm() {
        // pi = mu as a matrix: every ratio is 1, DR_i = r_i + sum_t [V(x_t) - Q(x_t, a_t)]; the sum has mean 0 for
        // any Q, since the logged action is a draw from pi, but it is not 0 in a sample.
        for (double[][][] q : new double[][][][] {TabularWorld.trueQ(TabularWorld.LOGGING), wrongQ()}) {
            Summary gap = over(log -> evaluate(log, TabularWorld.LOGGING, q, false).dr().value() - log.observed());
            gap.isUnbiasedFor(0.0, "DR - observed");
            assertThat(gap.standardError()).as("not zero world by world").isGreaterThan(1e-4);
        }
        assertThat(TabularWorld.trueValue(TabularWorld.LOGGING)).isCloseTo(
                over(TabularWorld.Log::observed).mean(), within(0.01));
    }
}
