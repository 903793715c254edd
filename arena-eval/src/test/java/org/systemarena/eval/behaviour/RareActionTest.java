package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RareActionTest {
    private static final List<String> ACTIONS = List.of("call", "email", "wait", "escalate", "archive");
    private static final int CALL = 0;
    private static final int ESCALATE = 3;
    private static final int ARCHIVE = 4;
    private static final int MODELLED = 0;
    private static final int ONE_ACTION = 1;
    private static final int SILENT = 2;

    /**
     * 300 cases of 4 steps. Rule "triage" (steps 0-1 of each case) logs call/email/wait by the snapshot, and
     * "escalate" exactly once, in case 7; a few triage steps have no logged action, and one held-out step has an
     * extreme value. Rule "close" (step 2) always logs "archive"; rule "watch" (step 3) never logs anything.
     */
    private static BehaviourData data() {
        int cases = 300;
        int steps = cases * 4;
        SplittableRandom random = new SplittableRandom(17);
        int[] caseOf = new int[steps];
        int[] rule = new int[steps];
        int[] action = new int[steps];
        double[] x = new double[steps];
        for (int s = 0; s < steps; s++) {
            caseOf[s] = s / 4;
            int position = s % 4;
            rule[s] = position < 2 ? MODELLED : position == 2 ? ONE_ACTION : SILENT;
            x[s] = random.nextGaussian();
            if (rule[s] == MODELLED) {
                action[s] = x[s] < -0.5 ? 0 : x[s] < 0.5 ? (random.nextBoolean() ? 1 : 0) : 2;
            } else {
                action[s] = rule[s] == ONE_ACTION ? ARCHIVE : BehaviourData.NO_ACTION;
            }
        }
        action[7 * 4 + 1] = ESCALATE;
        action[40 * 4] = BehaviourData.NO_ACTION;
        action[41 * 4 + 1] = BehaviourData.NO_ACTION;
        x[99 * 4] = 1e12;
        return BehaviourData.of(cases, caseOf, List.of("triage", "close", "watch"), rule, ACTIONS, action,
                List.of(NumericFeature.of("x", x)));
    }

    @Test
    void anActionLoggedInOneCaseKeepsAPositiveProbabilityEverywhereAndOthersGetExactlyZero() {
        BehaviourData data = data();
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data, BehaviourSettings.defaults(1));
        RuleDiagnostics triage = fit.diagnostics().rules().get(MODELLED);
        assertThat(triage.status()).isEqualTo(RuleDiagnostics.Status.MODELLED);
        assertThat(triage.actions()).containsExactly("call", "email", "wait", "escalate");
        assertThat(triage.fits()).hasSize(5).allMatch(FoldConvergence::converged);

        double smallest = 1.0;
        for (int s = 0; s < data.steps(); s++) {
            if (data.rule(s) != MODELLED) {
                continue;
            }
            double sum = 0;
            for (int a = 0; a < 4; a++) {
                double p = fit.probability(s, a);
                assertThat(p).as("step %d action %d", s, a).isPositive().isLessThanOrEqualTo(1.0);
                sum += p;
            }
            assertThat(sum).as("step %d", s).isCloseTo(1.0, within(1e-12));
            assertThat(fit.probability(s, ARCHIVE)).as("step %d", s).isZero();
            smallest = Math.min(smallest, fit.probability(s, ESCALATE));
        }
        // The fold holding case 7 never saw "escalate": the pseudo-counts alone keep it above 0, and small.
        double heldOut = fit.probability(7 * 4 + 1, ESCALATE);
        assertThat(heldOut).isPositive().isLessThan(0.01);
        assertThat(smallest).isPositive();
        // Steps without a logged action and the extreme value are scored like the others.
        assertThat(fit.probability(40 * 4, CALL)).isPositive();
        for (int a = 0; a < 4; a++) {
            assertThat(fit.probability(99 * 4, a)).isPositive();
        }
        assertThat(fit.probability(99 * 4, 2)).isGreaterThan(0.5);
    }

    @Test
    void aRuleWithOneLoggedActionGivesItProbabilityOneAndARuleWithNoneGivesZero() {
        BehaviourData data = data();
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data, BehaviourSettings.defaults(1));
        for (int s = 0; s < data.steps(); s++) {
            if (data.rule(s) == ONE_ACTION) {
                assertThat(fit.probabilities(s)).containsExactly(0, 0, 0, 0, 1);
            } else if (data.rule(s) == SILENT) {
                assertThat(fit.probabilities(s)).containsExactly(0, 0, 0, 0, 0);
            }
        }
        List<RuleDiagnostics> rules = fit.diagnostics().rules();
        assertThat(rules.get(ONE_ACTION).status()).isEqualTo(RuleDiagnostics.Status.SINGLE_ACTION);
        assertThat(rules.get(ONE_ACTION).actions()).containsExactly("archive");
        assertThat(rules.get(SILENT).status()).isEqualTo(RuleDiagnostics.Status.NO_LOGGED_ACTION);
        assertThat(rules.get(SILENT).decisions()).isZero();
        assertThat(fit.describe()).endsWith("; 1 rule with no logged action (probability 0 for every action)");
    }
}
