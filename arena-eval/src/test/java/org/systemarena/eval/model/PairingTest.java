package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/** The model-based estimates draw the importance-sampling estimator's resamples, so they pair with its estimates. */
class PairingTest {
    private static final SimulatedWorld WORLD = SimulatedWorld.of(Regime.BASELINE.withCases(700), 11);

    @Test
    void theLoggingPolicysDrIntervalIsTheObservedRatesIntervalOfTheSameResamples() {
        double[] pi = WORLD.log().targetProbabilities(Target.historical(Regime.BASELINE));
        ModelBasedResult dr = WORLD.estimator().evaluate(pi, true);
        OffPolicyEstimate is = WORLD.analysis().estimator().estimate(WORLD.analysis().episodes(pi, true));
        assertThat(dr.dr()).isEqualTo(is.observed());
        assertThat(dr.wdr()).isEqualTo(is.observed());
        assertThat(dr.dr()).isEqualTo(is.snips());
    }

    @Test
    void aTargetAgainstItselfDiffersByExactlyZero() {
        ModelBasedEstimator estimator = WORLD.estimator();
        ModelBasedResult a = estimator.evaluate(WORLD.log().targetProbabilities(Target.ALWAYS_CALL));
        ModelBasedComparison c = estimator.compare(a, a);
        assertThat(c.drDifference()).isEqualTo(new Estimate(0.0, 0.0, 0.0));
        assertThat(c.unpairedCases()).isZero();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void pairedDifferencesAreNarrowerThanTheSidesSuggest() {
        ModelBasedEstimator estimator = WORLD.estimator();
        ModelBasedResult target = estimator.evaluate(WORLD.log().targetProbabilities(Target.softenedLogging(
                Regime.BASELINE)));
        ModelBasedResult baseline = estimator.evaluate(WORLD.log().targetProbabilities(
                Target.historical(Regime.BASELINE)), true);
        ModelBasedComparison c = estimator.compare(target, baseline);
        assertThat(c.drDifference().value()).isEqualTo(target.dr().value() - baseline.dr().value());
        assertThat(c.drDifference().width()).isLessThan(0.5 * Math.min(target.dr().width(), baseline.dr().width()));
        double[] t = target.resampled().dr();
        double[] b = baseline.resampled().dr();
        double[] sorted = new double[t.length];
        for (int r = 0; r < t.length; r++) {
            sorted[r] = t[r] - b[r];
        }
        java.util.Arrays.sort(sorted);
        assertThat(c.drDifference().lower()).isCloseTo(sorted[24] + 0.975 * (sorted[25] - sorted[24]),
                org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void resultsOfAnotherEstimatorDoNotPair() {
        double[] pi = WORLD.log().targetProbabilities(Target.ALWAYS_CALL);
        ModelBasedResult a = WORLD.estimator().evaluate(pi);
        ModelBasedEstimator other = WORLD.estimator();
        ModelBasedResult b = other.evaluate(pi);
        assertThatThrownBy(() -> other.compare(a, b)).isInstanceOf(ArenaException.class)
                .hasMessageContaining("the same estimator");
    }
}
