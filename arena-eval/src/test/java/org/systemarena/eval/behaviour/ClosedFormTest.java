package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.estimate.EmpiricalBehaviourModel;
import org.systemarena.eval.estimate.LoggedCase;
import org.systemarena.eval.estimate.LoggedStep;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.MultinomialLogit;

/** Fits whose optimum is known in closed form; the fit stops at a relative gradient of 1e-8, hence the tolerances. */
class ClosedFormTest {
    private static final List<String> ACTIONS = List.of("call", "email", "wait");

    @Test
    void interceptOnlyFitGivesTheExactClassFrequencies() {
        int[] y = labels(7, 2, 11);
        MultinomialLogit.Result r = MultinomialLogit.fit(Design.dense(new double[y.length][0]), y, 3,
                new MultinomialLogit.Objective(1.0, 0.0, 1.0));
        double[] p = new double[y.length * 3];
        r.probabilities(Design.dense(new double[y.length][0]), p);
        assertThat(r.converged()).isTrue();
        assertThat(p[0]).isCloseTo(7.0 / 20, within(1e-8));
        assertThat(p[1]).isCloseTo(2.0 / 20, within(1e-8));
        assertThat(p[2]).isCloseTo(11.0 / 20, within(1e-8));
    }

    @Test
    void withoutFeaturesTheModelIsTheSmoothedPerRuleFrequencyModel() {
        // One case, so one model sees every row; pseudo-counts 0.5 per action.
        int[] y = labels(7, 2, 11);
        int n = y.length;
        BehaviourData data = BehaviourData.of(1, new int[n], List.of("r"), new int[n], ACTIONS, y, List.of());
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data, BehaviourSettings.defaults(3).withSmoothing(0.5));

        List<LoggedStep> steps = new ArrayList<>();
        for (int label : y) {
            steps.add(LoggedStep.of("r", ACTIONS.get(label), 3, Double.NaN, 1.0));
        }
        EmpiricalBehaviourModel empirical = EmpiricalBehaviourModel.fit(List.of(LoggedCase.of("c", 1, steps)), 0.5);
        for (int k = 0; k < 3; k++) {
            double expected = (new int[] {7, 2, 11}[k] + 0.5) / (20 + 1.5);
            assertThat(empirical.propensity("r", ACTIONS.get(k))).isCloseTo(expected, within(1e-15));
            for (int s = 0; s < n; s++) {
                assertThat(fit.probability(s, k)).isCloseTo(expected, within(1e-8));
            }
        }
    }

    @Test
    void aSingleCategoricalWithAVanishingPenaltyGivesThePerLevelFrequencies() {
        // Levels: n_L = 20, 30, 50 with the action counts below; one indicator per level (no reference level).
        int[][] counts = {{10, 6, 4}, {3, 21, 6}, {15, 15, 20}};
        List<Integer> level = new ArrayList<>();
        List<Integer> label = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < 3; k++) {
                for (int c = 0; c < counts[l][k]; c++) {
                    level.add(l);
                    label.add(k);
                }
            }
        }
        int n = level.size();
        int[] codes = level.stream().mapToInt(Integer::intValue).toArray();
        int[] y = label.stream().mapToInt(Integer::intValue).toArray();

        // The solver alone, without pseudo-counts: p(k | L) = n_Lk / n_L.
        double[] scale = new double[3];
        for (int l = 0; l < 3; l++) {
            double f = sum(counts[l]) / (double) n;
            scale[l] = 1.0 / Math.sqrt(f * (1 - f));
        }
        Design design = new Design(n, 0, new double[0], 1, codes.clone(), scale);
        MultinomialLogit.Result r = MultinomialLogit.fit(design, y, 3, new MultinomialLogit.Objective(1.0, 0.0, 1e-9));
        assertThat(r.converged()).isTrue();
        double[] p = new double[n * 3];
        r.probabilities(design, p);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(p[i * 3 + k]).isCloseTo(counts[codes[i]][k] / (double) sum(counts[codes[i]]), within(1e-7));
            }
        }

        // Through the model, whose smoothing alpha spreads alpha / n per action over the rows:
        // p(k | L) = (n_Lk + alpha n_L / n) / (n_L (1 + K alpha / n)).
        double alpha = 2.0;
        BehaviourData data = BehaviourData.of(1, new int[n], List.of("r"), new int[n], ACTIONS, y,
                List.of(new CategoricalFeature("segment", codes, List.of("a", "b", "c"))));
        BehaviourFit fit = CrossFittedBehaviourModel.fit(data,
                BehaviourSettings.defaults(3).withL2(1e-9).withSmoothing(alpha));
        assertThat(fit.diagnostics().rules().get(0).features())
                .containsExactly(new FeatureUse("segment", "categorical", 3));
        for (int i = 0; i < n; i++) {
            int nl = sum(counts[codes[i]]);
            for (int k = 0; k < 3; k++) {
                double expected = (counts[codes[i]][k] + alpha * nl / n) / (nl * (1 + 3 * alpha / n));
                assertThat(fit.probability(i, k)).isCloseTo(expected, within(1e-7));
            }
        }
    }

    private static int[] labels(int... counts) {
        // Interleaved round robin, so the classes are spread over the rows.
        int[] left = counts.clone();
        int[] out = new int[sum(counts)];
        for (int i = 0, n = 0; n < out.length; i++) {
            int k = i % counts.length;
            if (left[k] > 0) {
                left[k]--;
                out[n++] = k;
            }
        }
        return out;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
