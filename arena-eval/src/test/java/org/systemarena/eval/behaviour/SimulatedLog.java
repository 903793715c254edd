package org.systemarena.eval.behaviour;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A log whose logging policy is known: one rule, three actions, chosen with probability
 * {@code softmax(b_k + w_k . (x1, x2, x3) + u_k[segment])}, in cases of 4 steps. {@code truth} holds those
 * probabilities (steps x 3).
 */
record SimulatedLog(BehaviourData data, double[] truth) {
    static final List<String> ACTIONS = List.of("call", "email", "wait");
    private static final double[][] SLOPES = {{1.2, -0.5, 0.0}, {-0.4, 0.9, 0.6}, {0.0, 0.0, 0.0}};
    private static final double[] INTERCEPTS = {0.2, -0.3, 0.0};
    private static final double[][] SEGMENT_EFFECTS = {{0.5, 0.0, -0.5, 0.0}, {0.0, 0.7, 0.0, -0.7}, {0, 0, 0, 0}};

    static SimulatedLog of(int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[3][steps];
        int[] segment = new int[steps];
        int[] action = new int[steps];
        int[] caseOf = new int[steps];
        double[] truth = new double[steps * 3];
        double[] eta = new double[3];
        for (int s = 0; s < steps; s++) {
            caseOf[s] = s / 4;
            x[0][s] = random.nextGaussian();
            x[1][s] = random.nextGaussian();
            x[2][s] = random.nextDouble() * 2 - 1;
            segment[s] = random.nextInt(4);
            for (int k = 0; k < 3; k++) {
                eta[k] = INTERCEPTS[k] + SEGMENT_EFFECTS[k][segment[s]];
                for (int j = 0; j < 3; j++) {
                    eta[k] += SLOPES[k][j] * x[j][s];
                }
            }
            double max = Math.max(eta[0], Math.max(eta[1], eta[2]));
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(eta[k] - max);
            }
            for (int k = 0; k < 3; k++) {
                truth[s * 3 + k] = Math.exp(eta[k] - max) / sum;
            }
            action[s] = BehaviourBenchmarkMain.draw(eta, random);
        }
        BehaviourData data = BehaviourData.of((steps + 3) / 4, caseOf, List.of("follow_up"), new int[steps], ACTIONS,
                action, List.of(NumericFeature.of("x1", x[0]), NumericFeature.of("x2", x[1]),
                        NumericFeature.of("x3", x[2]),
                        new CategoricalFeature("segment", segment, List.of("s0", "s1", "s2", "s3"))));
        return new SimulatedLog(data, truth);
    }

    /** The same log with other logged actions. */
    SimulatedLog withActions(int[] actions) {
        return new SimulatedLog(BehaviourData.of(data.cases(), caseOfAll(), data.rules(), new int[data.steps()],
                data.actions(), actions, data.features()), truth);
    }

    int[] actions() {
        int[] a = new int[data.steps()];
        for (int s = 0; s < a.length; s++) {
            a[s] = data.loggedAction(s);
        }
        return a;
    }

    private int[] caseOfAll() {
        int[] c = new int[data.steps()];
        for (int s = 0; s < c.length; s++) {
            c[s] = data.caseOf(s);
        }
        return c;
    }
}
