package org.systemarena.eval.glm;

import java.util.Arrays;

/**
 * Penalised multinomial logistic regression, fitted by Newton's method with a backtracking line search.
 *
 * <p>For rows {@code i} with class {@code y_i} among {@code K}, coefficients {@code theta[k][c]} ({@code c = 0} the
 * intercept) and {@code p_i = softmax(theta x_i)} (computed through log-sum-exp), it minimises
 *
 * <pre>
 *   f = - sum_i [ w log p_i,y_i + v sum_k log p_i,k ] + l2/2 sum_k sum_{c >= 1} theta_kc^2
 * </pre>
 *
 * where {@code w} weighs each row's own label and {@code v} spreads pseudo-counts over the rows: {@code v * rows}
 * pseudo-decisions per class. They keep every class's intercept finite even when no row has that class.
 *
 * <p>Labels may also be soft ({@link #fitSoft}): row i's label weight {@code w} is split over the classes as a
 * distribution {@code s_i}, so the first term becomes {@code w sum_k s_ik log p_ik} (a cross-entropy with soft
 * labels). With two classes and {@code s_i = (1 - y_i, y_i)} this is the fractional logit of a target
 * {@code y_i in [0, 1]}: its optimum makes {@code p_i1} a calibrated estimate of {@code E[y | x]}. Every row's
 * weights still sum to {@code w + K v}, so the Hessian is the same as with hard labels.
 *
 * <p>Parametrisation: with a penalty, every class has its own slopes (the penalty is then symmetric in the classes
 * and makes them identifiable) and the last class's intercept is fixed at 0 (intercepts are not penalised, so only
 * their differences are identified). Without a penalty the last class is the reference: all its coefficients are 0.
 *
 * <p>Newton steps solve the full Hessian system (Cholesky; a small ridge is added only if rounding makes a pivot
 * non-positive). The fit stops when the gradient's Euclidean norm, divided by the total row weight
 * {@code rows * (w + K v)}, is at most {@link #TOLERANCE}, or after {@link #MAX_ITERATIONS} steps (reported as not
 * converged). Large fits start from the fit of an evenly spread eighth of their rows (recursively, to a loose
 * tolerance), which leaves about three full-size Newton steps instead of six or seven: it only chooses the start, the
 * optimum is the same. A line search that cannot decrease the objective ends the run, reported as not converged
 * unless the gradient already meets the tolerance.
 *
 * <p>Everything is single-threaded with a fixed summation order, so the same input gives bit-identical output.
 */
public final class MultinomialLogit {
    public static final int MAX_ITERATIONS = 100;
    public static final double TOLERANCE = 1e-8;
    /** Loose: the subsample's optimum differs from the full one by far more than this. */
    private static final double WARM_START_TOLERANCE = 1e-3;
    private static final int WARM_START_MIN_ROWS = 40_000;
    private static final int WARM_START_SHRINK = 8;
    private static final double ARMIJO = 1e-4;
    /** Relative rounding of a sum over many rows: changes of f below this are noise. */
    private static final double ROUNDING = 1e-13;
    private static final int MAX_HALVINGS = 40;

    /** Label weight {@code w}, pseudo-count weight per class and row {@code v}, and the L2 penalty. */
    public record Objective(double labelWeight, double priorWeight, double l2) {
        public Objective scaled(double factor) {
            return new Objective(labelWeight * factor, priorWeight * factor, l2);
        }
    }

    /**
     * Coefficients {@code classes x columns}, row-major; {@code gradientNorm} is relative to the total row weight.
     */
    public record Result(int classes, int columns, double[] coefficients, int iterations, double gradientNorm,
            boolean converged) {
        public double coefficient(int k, int c) {
            return coefficients[k * columns + c];
        }

        /** Fills {@code out[i * classes + k]} with p(k | row i). */
        public void probabilities(Design x, double[] out) {
            Predictor predictor = new Predictor(x, classes, coefficients);
            double[] eta = new double[classes];
            for (int i = 0; i < x.rows; i++) {
                predictor.softmax(i, out, i * classes, eta);
            }
        }

        /** Fills {@code out[i]} with p(k | row i), for one class k. */
        public void probabilities(Design x, int k, double[] out) {
            Predictor predictor = new Predictor(x, classes, coefficients);
            double[] eta = new double[classes];
            double[] row = new double[classes];
            for (int i = 0; i < x.rows; i++) {
                predictor.softmax(i, row, 0, eta);
                out[i] = row[k];
            }
        }
    }

    private MultinomialLogit() {
    }

    public static Result fit(Design x, int[] y, int classes, Objective objective) {
        return fit(x, y, classes, objective, MAX_ITERATIONS);
    }

    /** With another cap on the full-size Newton steps (tests use it to see non-convergence reported). */
    public static Result fit(Design x, int[] y, int classes, Objective objective, int maxIterations) {
        if (classes < 2) {
            throw new IllegalArgumentException("a multinomial fit needs at least 2 classes, got " + classes);
        }
        return fit(x, y, classes, objective, TOLERANCE, maxIterations);
    }

    private static Result fit(Design x, int[] y, int classes, Objective objective, double tolerance,
            int maxIterations) {
        double[] start = new double[classes * x.columns()];
        if (x.rows >= WARM_START_MIN_ROWS) {
            // The subsample's rows weigh rows/m each, so its optimum estimates this one's.
            int m = x.rows / WARM_START_SHRINK;
            int[] ySub = new int[m];
            for (int i = 0; i < m; i++) {
                ySub[i] = y[Design.evenlySpreadRow(i, m, x.rows)];
            }
            start = fit(x.evenlySpread(m), ySub, classes, objective.scaled((double) x.rows / m),
                    WARM_START_TOLERANCE, MAX_ITERATIONS).coefficients;
        }
        return new Newton(x, y, null, classes, objective).run(start, tolerance, maxIterations);
    }

    /**
     * Fits soft labels: {@code soft[i * classes + k]} is row i's share of its label weight on class k (each row a
     * distribution). {@code start} (classes x columns, as {@link Result#coefficients()}) is where Newton's method
     * starts, e.g. the previous fit of a sequence whose labels move a little each time; {@code null} starts as
     * {@link #fit} does (at zero, or from the fit of an evenly spread subsample for large designs).
     */
    public static Result fitSoft(Design x, double[] soft, int classes, Objective objective, double[] start,
            int maxIterations) {
        if (classes < 2) {
            throw new IllegalArgumentException("a multinomial fit needs at least 2 classes, got " + classes);
        }
        if (soft.length != (long) x.rows * classes) {
            throw new IllegalArgumentException("soft labels: " + soft.length + " entries for " + x.rows + " rows x "
                    + classes + " classes");
        }
        for (int i = 0; i < x.rows; i++) {
            double mass = 0.0;
            for (int k = 0; k < classes; k++) {
                double sk = soft[i * classes + k];
                if (!(sk >= 0.0 && sk <= 1.0)) {
                    throw new IllegalArgumentException("soft labels: row " + i + " class " + k + " is " + sk
                            + ", outside [0, 1]");
                }
                mass += sk;
            }
            if (Math.abs(mass - 1.0) > 1e-12) {
                throw new IllegalArgumentException("soft labels: row " + i + " sums to " + mass + ", not 1");
            }
        }
        if (start != null && start.length != classes * x.columns()) {
            throw new IllegalArgumentException("start: " + start.length + " coefficients for " + classes
                    + " classes x " + x.columns() + " columns");
        }
        return fitSoft(x, soft, classes, objective, start, TOLERANCE, maxIterations);
    }

    private static Result fitSoft(Design x, double[] soft, int classes, Objective objective, double[] start,
            double tolerance, int maxIterations) {
        double[] from = start;
        if (from == null) {
            from = new double[classes * x.columns()];
            if (x.rows >= WARM_START_MIN_ROWS) {
                int m = x.rows / WARM_START_SHRINK;
                double[] sub = new double[m * classes];
                for (int i = 0; i < m; i++) {
                    System.arraycopy(soft, Design.evenlySpreadRow(i, m, x.rows) * classes, sub, i * classes, classes);
                }
                from = fitSoft(x.evenlySpread(m), sub, classes, objective.scaled((double) x.rows / m), null,
                        WARM_START_TOLERANCE, MAX_ITERATIONS).coefficients;
            }
        }
        return new Newton(x, null, soft, classes, objective).run(from, tolerance, maxIterations);
    }

    /** Linear predictors and their log-softmax for one row at a time, with the coefficients laid out per class. */
    private static final class Predictor {
        private final Design x;
        private final int classes;
        private final double[] intercept;
        /** classes x dense. */
        private final double[] denseCoef;
        /** classes x sparse, already multiplied by the column's scale. */
        private final double[] sparseCoef;

        Predictor(Design x, int classes, double[] theta) {
            this.x = x;
            this.classes = classes;
            int p = x.columns();
            int ps = x.sparse();
            intercept = new double[classes];
            denseCoef = new double[classes * x.dense];
            sparseCoef = new double[classes * ps];
            for (int k = 0; k < classes; k++) {
                intercept[k] = theta[k * p];
                System.arraycopy(theta, k * p + 1, denseCoef, k * x.dense, x.dense);
                for (int a = 0; a < ps; a++) {
                    sparseCoef[k * ps + a] = theta[k * p + 1 + x.dense + a] * x.scale[a];
                }
            }
        }

        /**
         * Writes p(k | row i) to {@code prob[at + k]} and the linear predictors to {@code eta}, and returns their
         * log-sum-exp, so that {@code log p(k | row i) = eta[k] - lse}.
         */
        double softmax(int i, double[] prob, int at, double[] eta) {
            int dense = x.dense;
            int groups = x.groups;
            int ps = x.sparse();
            int vi = i * dense;
            int gi = i * groups;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                // One class at a time keeps the sum in a register.
                double e = intercept[k];
                int ck = k * dense;
                for (int j = 0; j < dense; j++) {
                    e += denseCoef[ck + j] * x.values[vi + j];
                }
                int sk = k * ps;
                for (int g = 0; g < groups; g++) {
                    int a = x.active[gi + g];
                    if (a >= 0) {
                        e += sparseCoef[sk + a];
                    }
                }
                eta[k] = e;
                max = Math.max(max, e);
            }
            double sum = 0.0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(eta[k] - max);
                prob[at + k] = e;
                sum += e;
            }
            for (int k = 0; k < classes; k++) {
                prob[at + k] /= sum;
            }
            return max + Math.log(sum);
        }
    }

    /** One Newton run: buffers sized once, reused across iterations. */
    private static final class Newton {
        private final Design x;
        /** Hard labels, or null when the labels are {@code soft} (rows x classes). */
        private final int[] y;
        private final double[] soft;
        private final int classes;
        private final int p;
        private final double w;
        private final double v;
        private final double l2;
        private final double totalWeight;
        /** Parameter indices (k * p + c) that are free; the others stay 0. */
        private final int[] free;
        /** Free index of parameter k * p + c, or -1 when it is fixed. */
        private final int[] freeIndex;
        private final int ps;
        private final HessianBlocks blocks;
        private final double[] hessian;

        Newton(Design x, int[] y, double[] soft, int classes, Objective objective) {
            this.x = x;
            this.y = y;
            this.soft = soft;
            this.classes = classes;
            this.p = x.columns();
            this.w = objective.labelWeight();
            this.v = objective.priorWeight();
            this.l2 = objective.l2();
            this.totalWeight = x.rows * (w + classes * v);
            int fixedFrom = (classes - 1) * p;
            int fixedTo = l2 > 0.0 ? fixedFrom + 1 : classes * p;
            free = new int[classes * p - (fixedTo - fixedFrom)];
            for (int q = 0, f = 0; q < classes * p; q++) {
                if (q < fixedFrom || q >= fixedTo) {
                    free[f++] = q;
                }
            }
            freeIndex = new int[classes * p];
            Arrays.fill(freeIndex, -1);
            for (int f = 0; f < free.length; f++) {
                freeIndex[free[f]] = f;
            }
            ps = x.sparse();
            blocks = new HessianBlocks(x, classes, y != null ? mostFrequent(y, classes) : heaviest(soft, classes));
            hessian = new double[free.length * free.length];
        }

        Result run(double[] start, double tolerance, int maxIterations) {
            double[] theta = start.clone();
            double[] trial = new double[theta.length];
            double[] prob = new double[x.rows * classes];
            double[] trialProb = new double[prob.length];
            double[] gradient = new double[theta.length];
            double[] trialGradient = new double[theta.length];
            double[] step = new double[free.length];
            double f = evaluate(theta, prob, gradient);
            int iterations = 0;
            double norm;
            while (true) {
                norm = freeNorm(gradient) / totalWeight;
                if (norm <= tolerance || iterations == maxIterations) {
                    break;
                }
                hessian(prob);
                if (!solve(gradient, step)) {
                    break;
                }
                double slope = 0.0;
                for (int q = 0; q < free.length; q++) {
                    slope += gradient[free[q]] * step[q];
                }
                if (!(slope < 0.0)) {
                    break;
                }
                // Near the optimum the predicted decrease is below the rounding of f; the full Newton step is
                // then right and the line search could only be fooled by noise.
                double noise = ROUNDING * Math.max(1.0, Math.abs(f));
                boolean negligible = -slope <= noise;
                double t = 1.0;
                double ft = Double.NaN;
                boolean accepted = false;
                for (int h = 0; h <= MAX_HALVINGS; h++) {
                    System.arraycopy(theta, 0, trial, 0, theta.length);
                    for (int q = 0; q < free.length; q++) {
                        trial[free[q]] += t * step[q];
                    }
                    ft = evaluate(trial, trialProb, trialGradient);
                    if (ft <= f + ARMIJO * t * slope || (negligible && ft <= f + noise)) {
                        accepted = true;
                        break;
                    }
                    t *= 0.5;
                }
                if (!accepted) {
                    break;
                }
                double[] swap = theta;
                theta = trial;
                trial = swap;
                swap = prob;
                prob = trialProb;
                trialProb = swap;
                swap = gradient;
                gradient = trialGradient;
                trialGradient = swap;
                f = ft;
                iterations++;
            }
            return new Result(classes, p, theta, iterations, norm, norm <= tolerance);
        }

        private double freeNorm(double[] g) {
            double s = 0.0;
            for (int q : free) {
                s += g[q] * g[q];
            }
            return Math.sqrt(s);
        }

        /**
         * The objective at {@code theta}; fills {@code prob} with the rows' class probabilities and {@code g} with the
         * gradient (one pass over the rows for both: a rejected line-search trial wastes a gradient, which is rare).
         */
        private double evaluate(double[] theta, double[] prob, double[] g) {
            Predictor predictor = new Predictor(x, classes, theta);
            double omega = w + classes * v;
            int dense = x.dense;
            int groups = x.groups;
            double[] r = new double[classes];
            double[] eta = new double[classes];
            double[] gi = new double[classes];
            double[] gd = new double[classes * dense];
            double[] gs = new double[classes * ps];
            double loss = 0.0;
            for (int i = 0; i < x.rows; i++) {
                int at = i * classes;
                double lse = predictor.softmax(i, prob, at, eta);
                double sumEta = 0.0;
                for (int k = 0; k < classes; k++) {
                    sumEta += eta[k];
                    r[k] = omega * prob[at + k] - v;
                }
                if (soft == null) {
                    int yi = y[i];
                    loss -= w * (eta[yi] - lse) + v * (sumEta - classes * lse);
                    r[yi] -= w;
                } else {
                    // The row's shares sum to 1, so sum_k s_k (eta_k - lse) = sum_k s_k eta_k - lse.
                    double own = 0.0;
                    for (int k = 0; k < classes; k++) {
                        double sk = soft[at + k];
                        own += sk * eta[k];
                        r[k] -= w * sk;
                    }
                    loss -= w * (own - lse) + v * (sumEta - classes * lse);
                }
                int vi = i * dense;
                int ai = i * groups;
                for (int k = 0; k < classes; k++) {
                    double rk = r[k];
                    gi[k] += rk;
                    int ck = k * dense;
                    for (int j = 0; j < dense; j++) {
                        gd[ck + j] += rk * x.values[vi + j];
                    }
                    int sk = k * ps;
                    for (int q = 0; q < groups; q++) {
                        int a = x.active[ai + q];
                        if (a >= 0) {
                            gs[sk + a] += rk;
                        }
                    }
                }
            }
            double penalty = 0.0;
            for (int k = 0; k < classes; k++) {
                g[k * p] = gi[k];
                for (int j = 0; j < dense; j++) {
                    int c = k * p + 1 + j;
                    g[c] = gd[k * dense + j] + l2 * theta[c];
                    penalty += theta[c] * theta[c];
                }
                for (int a = 0; a < ps; a++) {
                    int c = k * p + 1 + dense + a;
                    g[c] = gs[k * ps + a] * x.scale[a] + l2 * theta[c];
                    penalty += theta[c] * theta[c];
                }
            }
            return loss + 0.5 * l2 * penalty;
        }

        /** The penalised Hessian over the free parameters at the rows' probabilities {@code prob}. */
        private void hessian(double[] prob) {
            blocks.accumulate(prob, w + classes * v);
            int n = free.length;
            double[] block = new double[classes * classes];
            for (int c = 0; c < p; c++) {
                for (int c2 = c; c2 < p; c2++) {
                    blocks.block(c, c2, block);
                    for (int k = 0; k < classes; k++) {
                        int r = freeIndex[k * p + c];
                        if (r < 0) {
                            continue;
                        }
                        for (int l = 0; l < classes; l++) {
                            int s = freeIndex[l * p + c2];
                            if (s < 0) {
                                continue;
                            }
                            double h = block[k * classes + l];
                            if (r == s && c > 0) {
                                h += l2;
                            }
                            hessian[r * n + s] = h;
                            hessian[s * n + r] = h;
                        }
                    }
                }
            }
        }

        /** The class with the largest total soft label: the derived class of the Hessian blocks. */
        private static int heaviest(double[] soft, int classes) {
            double[] total = new double[classes];
            for (int i = 0; i < soft.length; i++) {
                total[i % classes] += soft[i];
            }
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (total[k] > total[best]) {
                    best = k;
                }
            }
            return best;
        }

        private static int mostFrequent(int[] y, int classes) {
            int[] count = new int[classes];
            for (int label : y) {
                count[label]++;
            }
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (count[k] > count[best]) {
                    best = k;
                }
            }
            return best;
        }

        /** Newton step: {@code step = -H^-1 g} over the free parameters. */
        private boolean solve(double[] gradient, double[] step) {
            int n = free.length;
            double maxDiagonal = 0.0;
            for (int r = 0; r < n; r++) {
                maxDiagonal = Math.max(maxDiagonal, hessian[r * n + r]);
            }
            double[] a = new double[hessian.length];
            for (int attempt = 0; attempt < 12; attempt++) {
                System.arraycopy(hessian, 0, a, 0, a.length);
                if (attempt > 0) {
                    double ridge = maxDiagonal * 1e-14 * Math.pow(100.0, attempt);
                    for (int r = 0; r < n; r++) {
                        a[r * n + r] += ridge;
                    }
                }
                for (int q = 0; q < n; q++) {
                    step[q] = -gradient[free[q]];
                }
                if (Cholesky.solve(a, n, step)) {
                    return true;
                }
            }
            return false;
        }
    }
}
