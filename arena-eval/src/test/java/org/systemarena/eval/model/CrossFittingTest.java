package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/** A case's Q and V come from models that never saw it: its own reward cannot move them. */
class CrossFittingTest {
    @Test
    void aCasesTermsDoNotChangeWhenItsOwnRewardChanges() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE.withCases(600), 5);
        LoggedDecisions log = world.decisions();
        double[] pi = world.log().targetProbabilities(Target.UNIFORM_RANDOM);
        int changed = firstCaseWithSteps(log, 3);
        double[] reward = new double[log.cases()];
        int[] caseStart = new int[log.cases() + 1];
        String[] ids = new String[log.cases()];
        for (int c = 0; c < log.cases(); c++) {
            reward[c] = log.reward(c);
            caseStart[c] = log.caseStart(c);
            ids[c] = log.caseId(c);
        }
        caseStart[log.cases()] = log.size();
        reward[changed] = 1.0 - reward[changed];
        int[] rule = new int[log.size()];
        int[] action = new int[log.size()];
        double[] propensity = new double[log.size()];
        for (int s = 0; s < log.size(); s++) {
            rule[s] = log.rule(s);
            action[s] = log.loggedAction(s);
            propensity[s] = log.loggedPropensity(s);
        }
        LoggedDecisions flipped = LoggedDecisions.of(log.actions(), log.rules(), caseStart, ids, reward, rule, action,
                propensity, null, log.features());

        ModelBasedEstimator before = world.estimator();
        ModelBasedEstimator after = ModelBasedEstimator.of(flipped, world.mu(), before.settings(), before.bootstrap());
        double[] q0 = before.outOfFoldQ(pi, false);
        double[] q1 = after.outOfFoldQ(pi, false);
        int m = log.actions().size();
        int from = log.caseStart(changed) * m;
        int to = log.caseStart(changed + 1) * m;
        for (int i = from; i < to; i++) {
            assertThat(q1[i]).as("Q entry %d of the changed case", i).isEqualTo(q0[i]);
        }
        int moved = 0;
        for (int i = 0; i < q0.length; i++) {
            moved += Double.compare(q0[i], q1[i]) != 0 ? 1 : 0;
        }
        assertThat(moved).as("the reward does move the other folds' models").isGreaterThan(q0.length / 2);

        // Its columns: the same v_0 and weights; only the last step's correction moves, by rho_{T-1} times the change.
        CaseTerms t0 = before.terms(pi, false, q0);
        CaseTerms t1 = after.terms(pi, false, q1);
        int o = changed * t0.stride;
        int last = t0.firstStepColumn + 2 * Math.min(2, t0.horizon - 1);
        double rho = t0.data[last + 1 + o];
        for (int k = 0; k < t0.stride; k++) {
            if (k == last) {
                assertThat(t1.data[o + k] - t0.data[o + k]).isCloseTo(rho * (reward[changed] - log.reward(changed)),
                        within(1e-12));
            } else {
                assertThat(t1.data[o + k]).as("column %d", k).isEqualTo(t0.data[o + k]);
            }
        }
    }

    @Test
    void everyCaseTrainsTheFoldsItIsNotIn() {
        SimulatedWorld world = SimulatedWorld.of(Regime.SMALL_LOG, 2);
        ModelBasedResult r = world.estimator().evaluate(world.log().targetProbabilities(Target.ALWAYS_CALL));
        assertThat(r.fit().folds()).isEqualTo(5);
        assertThat(r.fit().crossFitted()).isTrue();
        assertThat(r.fit().fits()).hasSize(5);
        List<FittedQFold> fits = r.fit().fits();
        int training = fits.stream().mapToInt(FittedQFold::trainingCases).sum();
        assertThat(training).as("each case trains the four folds it is not in").isEqualTo(4 * r.usedCases());
    }

    private static int firstCaseWithSteps(LoggedDecisions log, int steps) {
        for (int c = 0; c < log.cases(); c++) {
            if (log.caseStart(c + 1) - log.caseStart(c) == steps) {
                return c;
            }
        }
        throw new IllegalStateException("no case with " + steps + " decision points");
    }
}
