package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.MultinomialLogit;

class OptimalityTest {
    @Test
    void theGradientVanishesAtTheReturnedOptimum() {
        // 50,000 rows: large enough to go through the subsample warm start. Dense columns, a 4-column group with
        // a fifth of its rows inactive, and a 6-column group; 4 classes; label weight, pseudo-counts and penalty.
        int n = 50_000;
        int classes = 4;
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[n * 3];
        int[] active = new int[n * 2];
        int[] y = new int[n];
        double[] scale = {1.7, 2.1, 1.9, 2.4, 3.0, 2.2, 2.6, 2.0, 1.8, 2.9};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                values[i * 3 + j] = random.nextGaussian() * (j + 1);
            }
            active[i * 2] = random.nextInt(5) == 0 ? -1 : random.nextInt(4);
            active[i * 2 + 1] = 4 + random.nextInt(6);
            double u = values[i * 3] + (active[i * 2 + 1] == 5 ? 1.5 : 0.0) + random.nextGaussian();
            y[i] = u < -1 ? 0 : u < 0.3 ? 1 : u < 1.5 ? 2 : 3;
        }
        Design design = new Design(n, 3, values, 2, active, scale);
        MultinomialLogit.Objective objective = new MultinomialLogit.Objective(1.3, 0.002, 2.0);
        MultinomialLogit.Result r = MultinomialLogit.fit(design, y, classes, objective);

        double[] g = gradient(design, y, classes, objective, r.coefficients());
        double totalWeight = n * (1.3 + classes * 0.002);
        double norm = 0;
        double largest = 0;
        for (int q = 0; q < g.length; q++) {
            if (q != (classes - 1) * design.columns()) { // the last class's intercept is fixed at 0
                norm += g[q] * g[q];
                largest = Math.max(largest, Math.abs(g[q]));
            }
        }
        assertThat(r.converged()).isTrue();
        assertThat(Math.sqrt(norm) / totalWeight).isLessThan(1e-8);
        assertThat(largest).isLessThan(1e-8 * totalWeight);
        assertThat(r.coefficients()[(classes - 1) * design.columns()]).isZero();

        // The same check fails away from the optimum, so it can fail.
        double[] moved = r.coefficients().clone();
        moved[1] += 1e-3;
        double[] g2 = gradient(design, y, classes, objective, moved);
        assertThat(Math.abs(g2[1]) / totalWeight).isGreaterThan(1e-5);
    }

    /** The objective's gradient, straight from its definition with an explicit design row. */
    private static double[] gradient(Design d, int[] y, int classes, MultinomialLogit.Objective o, double[] theta) {
        int p = d.columns();
        double[] g = new double[classes * p];
        double[] row = new double[p];
        double[] eta = new double[classes];
        for (int i = 0; i < d.rows; i++) {
            java.util.Arrays.fill(row, 0.0);
            row[0] = 1.0;
            for (int j = 0; j < d.dense; j++) {
                row[1 + j] = d.values[i * d.dense + j];
            }
            for (int q = 0; q < d.groups; q++) {
                int a = d.active[i * d.groups + q];
                if (a >= 0) {
                    row[1 + d.dense + a] = d.scale[a];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                eta[k] = 0;
                for (int c = 0; c < p; c++) {
                    eta[k] += theta[k * p + c] * row[c];
                }
                max = Math.max(max, eta[k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(eta[k] - max);
            }
            for (int k = 0; k < classes; k++) {
                double prob = Math.exp(eta[k] - max) / sum;
                double r = (o.labelWeight() + classes * o.priorWeight()) * prob - o.priorWeight()
                        - (k == y[i] ? o.labelWeight() : 0.0);
                for (int c = 0; c < p; c++) {
                    g[k * p + c] += r * row[c];
                }
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int c = 1; c < p; c++) {
                g[k * p + c] += o.l2() * theta[k * p + c];
            }
        }
        return g;
    }

    @Test
    void twoFitsOfTheSameDataAreBitIdentical() {
        BehaviourData data = BehaviourBenchmarkMain.simulate(30_000, 2);
        BehaviourSettings settings = BehaviourSettings.defaults(8);
        BehaviourFit a = CrossFittedBehaviourModel.fit(data, settings);
        BehaviourFit b = CrossFittedBehaviourModel.fit(data, settings);
        for (int s = 0; s < data.steps(); s++) {
            assertThat(a.probabilities(s)).isEqualTo(b.probabilities(s));
        }
        assertThat(a.diagnostics()).isEqualTo(b.diagnostics());
        assertThat(a.describe()).isEqualTo(b.describe());
    }
}
