package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CrossFittingTest {
    @Test
    void aStepsProbabilitiesDoNotDependOnTheActionsLoggedInItsOwnCase() {
        SimulatedLog log = SimulatedLog.of(2_000, 11);
        BehaviourSettings settings = BehaviourSettings.defaults(5);
        BehaviourFit before = CrossFittedBehaviourModel.fit(log.data(), settings);

        int changedCase = 123;
        int[] actions = log.actions();
        for (int s = 0; s < actions.length; s++) {
            if (log.data().caseOf(s) == changedCase) {
                actions[s] = (actions[s] + 1) % 3;
            }
        }
        BehaviourFit after = CrossFittedBehaviourModel.fit(log.withActions(actions).data(), settings);

        int otherFoldChanged = 0;
        for (int s = 0; s < actions.length; s++) {
            if (log.data().caseOf(s) == changedCase) {
                assertThat(after.probabilities(s)).as("step %d of the changed case", s)
                        .isEqualTo(before.probabilities(s));
            } else if (!Arrays.equals(after.probabilities(s), before.probabilities(s))) {
                otherFoldChanged++;
            }
        }
        // The change does reach every model that trained on the case: the steps of the other folds.
        assertThat(otherFoldChanged).isGreaterThan(1_000);
    }

    @Test
    void aStateDependentLoggingPolicyIsRecoveredOutOfFold() {
        SimulatedLog log = SimulatedLog.of(20_000, 3);
        BehaviourFit fit = CrossFittedBehaviourModel.fit(log.data(), BehaviourSettings.defaults(9));

        int n = log.data().steps();
        double[] frequency = new double[3];
        for (int s = 0; s < n; s++) {
            frequency[log.data().loggedAction(s)] += 1.0 / n;
        }
        double modelError = 0;
        double frequencyError = 0;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < 3; k++) {
                modelError += Math.abs(fit.probability(s, k) - log.truth()[s * 3 + k]) / (3.0 * n);
                frequencyError += Math.abs(frequency[k] - log.truth()[s * 3 + k]) / (3.0 * n);
            }
        }
        assertThat(modelError).isLessThan(0.02);
        assertThat(frequencyError).isGreaterThan(0.1);

        RuleDiagnostics rule = fit.diagnostics().rules().get(0);
        assertThat(rule.fits()).hasSize(5).allMatch(FoldConvergence::converged);
        assertThat(rule.logLoss()).isLessThan(rule.frequencyLogLoss() - 0.1);
        for (ActionCalibration c : rule.calibration()) {
            assertThat(c.meanPredicted()).as(c.action()).isCloseTo(c.observedFrequency(), within(0.01));
            assertThat(c.calibrationError()).as(c.action()).isLessThan(0.03);
        }
    }
}
