package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.systemarena.eval.behaviour.NumericFeature;
import org.systemarena.eval.conversion.LoggedDecisions;

/**
 * A small fully observed world whose Q is known exactly: states 0..2 (the snapshot feature "x"), actions a and b, at
 * most {@value #STEPS} decision points. At each, the action converts the case (reward 1, end) with chance
 * {@code CONVERT[x][a]}, else drops it (reward 0, end) with chance {@code DROP[a]}, else the case moves to a state
 * drawn from {@code MOVE[x][a]}; after the last decision point it ends with reward 0. Q_t(x, a) and the target's value
 * follow by backward induction.
 */
final class TabularWorld {
    static final int STEPS = 3;
    static final int STATES = 3;
    static final List<String> ACTIONS = List.of("a", "b");
    private static final double[][] CONVERT = {{0.05, 0.20}, {0.15, 0.10}, {0.35, 0.05}};
    private static final double[] DROP = {0.05, 0.15};
    /** MOVE[x][a][x']. */
    private static final double[][][] MOVE = {
            {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}},
            {{0.3, 0.4, 0.3}, {0.1, 0.3, 0.6}},
            {{0.2, 0.3, 0.5}, {0.4, 0.4, 0.2}}};
    private static final double[] START = {0.5, 0.3, 0.2};

    /** A policy: probability of each action in each state, the same at every step. */
    record Policy(double[][] p) {
        double probability(int x, int a) {
            return p[x][a];
        }
    }

    static final Policy LOGGING = new Policy(new double[][] {{0.7, 0.3}, {0.5, 0.5}, {0.25, 0.75}});
    static final Policy ALWAYS_A = new Policy(new double[][] {{1, 0}, {1, 0}, {1, 0}});
    static final Policy MOSTLY_B = new Policy(new double[][] {{0.2, 0.8}, {0.1, 0.9}, {0.3, 0.7}});

    /** Q[t][x][a] under the policy. */
    static double[][][] trueQ(Policy target) {
        double[][][] q = new double[STEPS][STATES][2];
        double[] vNext = new double[STATES];
        for (int t = STEPS - 1; t >= 0; t--) {
            double[] v = new double[STATES];
            for (int x = 0; x < STATES; x++) {
                for (int a = 0; a < 2; a++) {
                    double future = 0.0;
                    for (int y = 0; y < STATES; y++) {
                        future += MOVE[x][a][y] * vNext[y];
                    }
                    double c = CONVERT[x][a];
                    q[t][x][a] = c + (1 - c) * (1 - DROP[a]) * future;
                    v[x] += target.probability(x, a) * q[t][x][a];
                }
            }
            vNext = v;
        }
        return q;
    }

    static double trueValue(Policy target) {
        double[][][] q = trueQ(target);
        double value = 0.0;
        for (int x = 0; x < STATES; x++) {
            for (int a = 0; a < 2; a++) {
                value += START[x] * target.probability(x, a) * q[0][x][a];
            }
        }
        return value;
    }

    /** One logged world of {@code cases} cases under the logging policy. */
    static Log simulate(int cases, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Integer> state = new ArrayList<>();
        List<Integer> step = new ArrayList<>();
        List<Integer> action = new ArrayList<>();
        int[] caseStart = new int[cases + 1];
        double[] reward = new double[cases];
        for (int c = 0; c < cases; c++) {
            caseStart[c] = state.size();
            int x = draw(START, r.nextDouble());
            for (int t = 0; t < STEPS; t++) {
                int a = r.nextDouble() < LOGGING.probability(x, 0) ? 0 : 1;
                state.add(x);
                step.add(t);
                action.add(a);
                if (r.nextDouble() < CONVERT[x][a]) {
                    reward[c] = 1;
                    break;
                }
                if (r.nextDouble() < DROP[a]) {
                    break;
                }
                x = draw(MOVE[x][a], r.nextDouble());
            }
        }
        caseStart[cases] = state.size();
        return new Log(caseStart, reward, state.stream().mapToInt(Integer::intValue).toArray(),
                step.stream().mapToInt(Integer::intValue).toArray(),
                action.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int draw(double[] p, double u) {
        double acc = 0.0;
        for (int i = 0; i < p.length - 1; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    record Log(int[] caseStart, double[] reward, int[] state, int[] step, int[] action) {
        int steps() {
            return state.length;
        }

        double[] mu() {
            double[] mu = new double[steps()];
            for (int s = 0; s < mu.length; s++) {
                mu[s] = LOGGING.probability(state[s], action[s]);
            }
            return mu;
        }

        double[] probabilities(Policy p) {
            double[] out = new double[steps() * 2];
            for (int s = 0; s < steps(); s++) {
                out[2 * s] = p.probability(state[s], 0);
                out[2 * s + 1] = p.probability(state[s], 1);
            }
            return out;
        }

        /** Q_t(x_t, a) per step and action, from a Q[t][x][a] table. */
        double[] values(double[][][] q) {
            double[] out = new double[steps() * 2];
            for (int s = 0; s < steps(); s++) {
                out[2 * s] = q[step[s]][state[s]][0];
                out[2 * s + 1] = q[step[s]][state[s]][1];
            }
            return out;
        }

        double observed() {
            double sum = 0.0;
            for (double v : reward) {
                sum += v;
            }
            return sum / reward.length;
        }

        LoggedDecisions decisions() {
            int cases = reward.length;
            String[] ids = new String[cases];
            for (int c = 0; c < cases; c++) {
                ids[c] = "case-" + c;
            }
            double[] x = new double[steps()];
            for (int s = 0; s < x.length; s++) {
                x[s] = state[s];
            }
            return LoggedDecisions.of(ACTIONS, List.of("check"), caseStart, ids, reward, new int[steps()], action,
                    mu(), null, List.of(new NumericFeature("x", x)));
        }
    }

    private TabularWorld() {
    }
}
