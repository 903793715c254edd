package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/** The outcome model's held-out check: each part of the rule, and fitted models that pass it. */
class ModelCheckTest {
    @Test
    void fittedModelsPassOnTheSimulator() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 6);
        for (Target t : Target.forRegime(Regime.BASELINE)) {
            ModelBasedResult r = world.estimator().evaluate(world.log().targetProbabilities(t),
                    t.name().equals(Target.HISTORICAL));
            OutcomeModelCheck check = r.modelCheck();
            assertThat(check.passed()).as("%s: %s", t.name(), check.describe()).isTrue();
            assertThat(check.steps()).isEqualTo(world.decisions().size());
            assertThat(check.logLoss()).as(t.name()).isLessThan(check.constantLogLoss());
            assertThat(r.fit().converged()).as(t.name()).isTrue();
        }
    }

    @Test
    void aMiscalibratedModelFailsAndIsNotUsed() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 6);
        double[] pi = world.log().targetProbabilities(Target.ALWAYS_CALL);
        ModelBasedEstimator estimator = world.estimator();
        double[] q = estimator.outOfFoldQ(pi, false);
        double[] high = Arrays.stream(q).map(x -> Math.min(1.0, x + 0.15)).toArray();
        ModelBasedResult r = estimator.evaluateWith(pi, false, high);
        assertThat(r.modelCheck().passed()).isFalse();
        assertThat(r.modelCheck().failure()).startsWith("calibration in the large");
        assertThat(r.usable()).isFalse();
        assertThat(r.hasWarning(ModelWarning.Code.MODEL_CHECK_FAILED)).isTrue();
        assertThat(r.describe()).contains("not to be used: the outcome model check failed");
        assertThat(r.dr().isDefined()).as("still computed, for diagnosis").isTrue();
        assertThat(estimator.evaluateWith(pi, false, q).modelCheck().passed()).isTrue();
    }

    @Test
    void theRuleByItsParts() {
        // Calibration in the large: 3 standard errors or 0.02, whichever is wider.
        assertThat(OutcomeModelCheck.judge(1000, 0.019, 0.001, 0.0, 0.01, 0.5, 0.6, 0.01).passed()).isTrue();
        assertThat(OutcomeModelCheck.judge(1000, 0.029, 0.01, 0.0, 0.01, 0.5, 0.6, 0.01).passed()).isTrue();
        assertThat(OutcomeModelCheck.judge(1000, 0.031, 0.01, 0.0, 0.01, 0.5, 0.6, 0.01).failure())
                .startsWith("calibration in the large");
        // ECE: twice a calibrated model's plus 0.02.
        assertThat(OutcomeModelCheck.judge(1000, 0.0, 0.01, 0.059, 0.02, 0.5, 0.6, 0.01).passed()).isTrue();
        assertThat(OutcomeModelCheck.judge(1000, 0.0, 0.01, 0.061, 0.02, 0.5, 0.6, 0.01).failure())
                .startsWith("expected calibration error");
        // Log loss: not worse than the constant's by more than 3 standard errors.
        assertThat(OutcomeModelCheck.judge(1000, 0.0, 0.01, 0.0, 0.02, 0.629, 0.6, 0.01).passed()).isTrue();
        assertThat(OutcomeModelCheck.judge(1000, 0.0, 0.01, 0.0, 0.02, 0.631, 0.6, 0.01).failure())
                .startsWith("log loss");
        assertThat(OutcomeModelCheck.none().passed()).isFalse();
    }

    @Test
    void aModelThatReversesTheOrderFailsOnItsLogLoss() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 6);
        double[] pi = world.log().targetProbabilities(Target.UNIFORM_RANDOM);
        ModelBasedEstimator estimator = world.estimator();
        double[] q = estimator.outOfFoldQ(pi, false);
        double mean = Arrays.stream(q).average().orElseThrow();
        // Mirrored around the mean: right on average, wrong in every comparison.
        double[] mirrored = Arrays.stream(q).map(x -> Math.max(0.001, Math.min(0.999, 2 * mean - x))).toArray();
        OutcomeModelCheck check = estimator.evaluateWith(pi, false, mirrored).modelCheck();
        assertThat(check.passed()).as(check.describe()).isFalse();
    }
}
