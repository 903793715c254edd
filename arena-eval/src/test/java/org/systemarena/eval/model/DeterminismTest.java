package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/** The same log, settings and seeds give bit-identical numbers whatever the thread count. */
class DeterminismTest {
    @Test
    void threadsDoNotChangeANumber() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE.withCases(800), 9);
        double[] pi = world.log().targetProbabilities(Target.CALL_IF_5_DAYS_ELSE_WAIT);
        ModelBasedResult reference = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            BootstrapSettings bootstrap = world.bootstrap().withThreads(threads);
            ModelBasedResult r = ModelBasedEstimator.of(world.decisions(), world.mu(), ModelSettings.defaults(9),
                    bootstrap).evaluate(pi);
            if (reference == null) {
                reference = r;
                continue;
            }
            assertThat(r.dm()).isEqualTo(reference.dm());
            assertThat(r.dr()).isEqualTo(reference.dr());
            assertThat(r.wdr()).isEqualTo(reference.wdr());
            assertThat(r.modelCheck()).isEqualTo(reference.modelCheck());
            assertThat(r.fit()).isEqualTo(reference.fit());
            assertThat(r.resampled().dr()).isEqualTo(reference.resampled().dr());
        }
    }
}
