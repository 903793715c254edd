package org.systemarena.eval.model;

import java.util.Arrays;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.Encoder;
import org.systemarena.eval.glm.MultinomialLogit;

/**
 * Fitted-Q evaluation of one target on one fold's training cases, and the held-out fold's Q values from it.
 *
 * <p>Per action a, a fractional logit (a two-class {@link MultinomialLogit} with soft labels) of the regression
 * target on the encoded features of the decision points where the log took a. Targets: the case's reward at its last
 * decision point, V(x_{t+1}) = sum_b pi(b | x_{t+1}) Q(x_{t+1}, b) at an earlier one (rows whose next V cannot be
 * had, because the target puts probability on an action never logged at that rule, carry no target and are left
 * out). The first targets are the rewards themselves (the logging policy's return); then each round refits every
 * action's model from the previous coefficients and recomputes the targets, until none moves by more than the
 * tolerance after a round whose fits were solved exactly, or the cap is reached. An action the fold's training cases
 * never took (but the log did, in this fold) gets the mean target as a constant, flagged as extrapolated by the
 * caller.
 */
final class FoldFit {
    /**
     * @param rows              per action, the rows its model was fitted on (after subsampling)
     * @param trainingDecisions rule x action, logged decisions in the training cases
     * @param constant          the mean final regression target over the fitted rows: the constant model of the
     *                          calibration check
     */
    record Result(int fold, int trainingCases, int[] rows, int[] trainingDecisions, int iterations, boolean converged,
            double lastChange, int newtonSteps, double constant) {
    }

    private static final int REWARD_ONE = 1;
    /** Rounds Anderson acceleration remembers. */
    private static final int ANDERSON_DEPTH = 5;

    /**
     * Writes Q(x_s, b) for every held-out step s of a usable case and every action b modelled at its rule that its
     * estimates read into {@code q} (steps x actions; the caller fills NaN elsewhere). With one fold every usable
     * case is both training and held out.
     */
    static Result run(LogShape shape, TargetSteps target, ModelSettings settings, int fold, int folds,
            int[] foldOfCase, double[] q) {
        int m = shape.actions;
        int[] count = new int[m];
        int[] trainingDecisions = new int[shape.ruleNames.size() * m];
        int trainingCases = 0;
        int heldOut = 0;
        for (int c = 0; c < shape.cases; c++) {
            if (!target.usable[c]) {
                continue;
            }
            boolean training = folds == 1 || foldOfCase[c] != fold;
            boolean held = folds == 1 || foldOfCase[c] == fold;
            int to = shape.caseStart[c + 1];
            if (held) {
                heldOut += to - shape.caseStart[c];
            }
            if (!training) {
                continue;
            }
            trainingCases++;
            for (int s = shape.caseStart[c]; s < to; s++) {
                int a = shape.logged[s];
                trainingDecisions[shape.rule[s] * m + a]++;
                if (shape.last[s] || target.vDefined[s + 1]) {
                    count[a]++;
                }
            }
        }
        int[][] rows = new int[m][];
        for (int a = 0; a < m; a++) {
            rows[a] = new int[count[a]];
            count[a] = 0;
        }
        int[] held = new int[heldOut];
        int h = 0;
        for (int c = 0; c < shape.cases; c++) {
            if (!target.usable[c]) {
                continue;
            }
            boolean training = folds == 1 || foldOfCase[c] != fold;
            int to = shape.caseStart[c + 1];
            for (int s = shape.caseStart[c]; s < to; s++) {
                if (folds == 1 || foldOfCase[c] == fold) {
                    held[h++] = s;
                }
                int a = shape.logged[s];
                if (training && (shape.last[s] || target.vDefined[s + 1])) {
                    rows[a][count[a]++] = s;
                }
            }
        }
        int[] available = new int[m];
        for (int a = 0; a < m; a++) {
            available[a] = rows[a].length;
            if (rows[a].length > settings.maxTrainingRows()) {
                rows[a] = evenlySpread(rows[a], settings.maxTrainingRows());
            }
        }
        return new FoldFit(shape, target, settings, rows, available).iterate(fold, trainingCases, trainingDecisions,
                held, q);
    }

    private final LogShape shape;
    private final TargetSteps target;
    private final ModelSettings settings;
    private final int[][] rows;
    /** Per action, its training rows before subsampling. */
    private final int[] available;
    private final Encoder[] encoder;
    private final Design[] design;
    /** The distinct next decision points of the non-terminal rows, ascending, and per row its index there (-1). */
    private final int[] next;
    private final int[][] nextOf;
    private final Design[] nextDesign;

    private FoldFit(LogShape shape, TargetSteps target, ModelSettings settings, int[][] rows, int[] available) {
        this.shape = shape;
        this.target = target;
        this.settings = settings;
        this.rows = rows;
        this.available = available;
        int m = shape.actions;
        encoder = new Encoder[m];
        design = new Design[m];
        int total = 0;
        for (int a = 0; a < m; a++) {
            if (rows[a].length > 0) {
                encoder[a] = Encoder.fit(shape.features, shape.used, rows[a], settings.quantileBins(),
                        settings.maxLevels());
                design[a] = encoder[a].encode(rows[a]);
            }
            total += rows[a].length;
        }
        int[] all = new int[total];
        int n = 0;
        for (int[] r : rows) {
            for (int s : r) {
                if (!shape.last[s]) {
                    all[n++] = s + 1;
                }
            }
        }
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        next = Arrays.copyOf(all, distinct);
        nextOf = new int[m][];
        for (int a = 0; a < m; a++) {
            nextOf[a] = new int[rows[a].length];
            for (int i = 0; i < rows[a].length; i++) {
                int s = rows[a][i];
                nextOf[a][i] = shape.last[s] ? -1 : Arrays.binarySearch(next, s + 1);
            }
        }
        nextDesign = new Design[m];
        for (int b = 0; b < m; b++) {
            if (encoder[b] != null) {
                nextDesign[b] = encoder[b].encode(next);
            }
        }
    }

    private Result iterate(int fold, int trainingCases, int[] trainingDecisions, int[] held, double[] q) {
        int m = shape.actions;
        double[][] y = new double[m][];
        double[][] soft = new double[m][];
        for (int a = 0; a < m; a++) {
            y[a] = new double[rows[a].length];
            soft[a] = new double[2 * rows[a].length];
            for (int i = 0; i < rows[a].length; i++) {
                y[a][i] = shape.reward[shape.caseOf[rows[a][i]]];
            }
        }
        MultinomialLogit.Result[] fit = new MultinomialLogit.Result[m];
        double[][] qNext = new double[m][];
        double[] vNext = new double[next.length];
        int iterations = 0;
        int newtonSteps = 0;
        double change = Double.POSITIVE_INFINITY;
        boolean converged = false;
        // Between rounds the targets move, so solving each fit exactly is wasted work: a round takes one Newton step
        // from the previous coefficients, and only once the targets have settled is every fit solved to its
        // tolerance (a polishing round), whose targets must then still be within the tolerance.
        boolean polishing = true;
        int free = 0;
        for (int[] of : nextOf) {
            for (int j : of) {
                free += j >= 0 ? 1 : 0;
            }
        }
        double[] x = new double[free];
        double[] g = new double[free];
        Anderson anderson = new Anderson(free, ANDERSON_DEPTH);
        while (iterations < settings.maxIterations()) {
            iterations++;
            for (int a = 0; a < m; a++) {
                if (design[a] == null) {
                    continue;
                }
                int n = rows[a].length;
                for (int i = 0; i < n; i++) {
                    soft[a][2 * i] = 1.0 - y[a][i];
                    soft[a][2 * i + 1] = y[a][i];
                }
                // Each row stands for the training rows it was drawn from (the penalty's pull is relative to all of
                // them, as in the behaviour model); the pseudo-rows are spread evenly.
                MultinomialLogit.Objective objective = new MultinomialLogit.Objective(
                        (double) available[a] / n, settings.smoothing() / n, settings.l2());
                fit[a] = MultinomialLogit.fitSoft(design[a], soft[a], 2, objective,
                        fit[a] == null ? null : fit[a].coefficients(),
                        polishing ? MultinomialLogit.MAX_ITERATIONS : 1);
                newtonSteps += fit[a].iterations();
                if (qNext[a] == null) {
                    qNext[a] = new double[next.length];
                }
                fit[a].probabilities(nextDesign[a], REWARD_ONE, qNext[a]);
            }
            double constant = meanTarget(y);
            for (int i = 0; i < next.length; i++) {
                vNext[i] = value(next[i], i, qNext, constant);
            }
            change = 0.0;
            for (int a = 0, k = 0; a < m; a++) {
                for (int i = 0; i < rows[a].length; i++) {
                    int j = nextOf[a][i];
                    if (j >= 0) {
                        x[k] = y[a][i];
                        g[k] = vNext[j];
                        change = Math.max(change, Math.abs(g[k] - x[k]));
                        k++;
                    }
                }
            }
            if (change <= settings.tolerance() && polishing) {
                converged = true;
                break;
            }
            polishing = change <= settings.tolerance();
            // The polishing round fits the plain next targets, so that its check is the fixed point's.
            anderson.step(x, g);
            double[] proposed = polishing ? g : x;
            for (int a = 0, k = 0; a < m; a++) {
                for (int i = 0; i < rows[a].length; i++) {
                    if (nextOf[a][i] >= 0) {
                        y[a][i] = proposed[k++];
                    }
                }
            }
        }
        double constant = meanTarget(y);
        scoreHeldOut(held, fit, constant, q);
        int[] used = new int[m];
        for (int a = 0; a < m; a++) {
            used[a] = rows[a].length;
        }
        return new Result(fold, trainingCases, used, trainingDecisions, iterations, converged, change, newtonSteps,
                constant);
    }

    /** V at step s = next[i] under the target, from the current models' values there. */
    private double value(int s, int i, double[][] qNext, double constant) {
        int m = shape.actions;
        double v = 0.0;
        for (int b = 0; b < m; b++) {
            double p = target.pi[s * m + b];
            if (p > 0.0) {
                v += p * (qNext[b] != null ? qNext[b][i] : constant);
            }
        }
        return v;
    }

    /**
     * Q of the held-out steps for the actions their estimates read: the logged one (the DR terms, the model check)
     * and those the target gives probability (V); the others stay NaN, as nothing reads them.
     */
    private void scoreHeldOut(int[] held, MultinomialLogit.Result[] fit, double constant, double[] q) {
        int m = shape.actions;
        int[] needed = new int[held.length];
        double[] p = new double[held.length];
        for (int b = 0; b < m; b++) {
            int n = 0;
            for (int s : held) {
                if (shape.modelled(s, b) && (shape.logged[s] == b || target.pi[s * m + b] > 0.0)) {
                    needed[n++] = s;
                }
            }
            int[] steps = Arrays.copyOf(needed, n);
            if (fit[b] != null) {
                fit[b].probabilities(encoder[b].encode(steps), REWARD_ONE, p);
            } else {
                Arrays.fill(p, 0, n, constant);
            }
            for (int i = 0; i < n; i++) {
                q[steps[i] * m + b] = p[i];
            }
        }
    }

    private static double meanTarget(double[][] y) {
        double sum = 0.0;
        long n = 0;
        for (double[] ya : y) {
            for (double v : ya) {
                sum += v;
            }
            n += ya.length;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int[] evenlySpread(int[] rows, int count) {
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            picked[i] = rows[Design.evenlySpreadRow(i, count, rows.length)];
        }
        return picked;
    }
}
