package org.systemarena.eval.model;

import java.util.Arrays;
import org.systemarena.eval.glm.Cholesky;

/**
 * Anderson acceleration of a fixed-point iteration x = G(x) on values in [0, 1] (the fitted-Q targets): the next
 * iterate mixes the last few G values with the weights that make the mixed residual G(x) - x smallest, which turns
 * the slow geometric convergence of fitted-Q iteration over long cases (tens of rounds) into a few rounds. It only
 * proposes iterates: convergence is still judged on the plain residual of an exactly solved round, so the fixed
 * point is the same. Deterministic (fixed summation order); a step that makes the residual grow clears the memory.
 */
final class Anderson {
    private final int n;
    private final int depth;
    /** Ring buffers of the last {@code depth} residual and G differences. */
    private final double[][] df;
    private final double[][] dg;
    private final double[] previousF;
    private final double[] previousG;
    private boolean started;
    private int stored;
    private int next;
    private double previousNorm = Double.POSITIVE_INFINITY;

    Anderson(int n, int depth) {
        this.n = n;
        this.depth = depth;
        df = new double[depth][n];
        dg = new double[depth][n];
        previousF = new double[n];
        previousG = new double[n];
    }

    /** Given the iterate {@code x} and {@code g} = G(x), overwrites {@code x} with the next iterate. */
    void step(double[] x, double[] g) {
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            double f = g[i] - x[i];
            norm += f * f;
        }
        if (norm > 4.0 * previousNorm) {
            stored = 0;
            next = 0;
        } else if (started) {
            double[] f = df[next];
            double[] d = dg[next];
            for (int i = 0; i < n; i++) {
                f[i] = g[i] - x[i] - previousF[i];
                d[i] = g[i] - previousG[i];
            }
            next = (next + 1) % depth;
            stored = Math.min(stored + 1, depth);
        }
        previousNorm = norm;
        started = true;
        for (int i = 0; i < n; i++) {
            previousF[i] = g[i] - x[i];
            previousG[i] = g[i];
        }
        double[] gamma = stored == 0 ? null : weights();
        for (int i = 0; i < n; i++) {
            double v = g[i];
            if (gamma != null) {
                for (int j = 0; j < stored; j++) {
                    v -= gamma[j] * dg[j][i];
                }
            }
            x[i] = Math.min(1.0, Math.max(0.0, v));
        }
    }

    /** argmin |f - DF gamma| by its normal equations, lightly regularised; null (a plain step) if they fail. */
    private double[] weights() {
        int k = stored;
        double[] a = new double[k * k];
        double[] b = new double[k];
        double trace = 0.0;
        for (int p = 0; p < k; p++) {
            for (int q = p; q < k; q++) {
                double s = 0.0;
                for (int i = 0; i < n; i++) {
                    s += df[p][i] * df[q][i];
                }
                a[p * k + q] = s;
                a[q * k + p] = s;
            }
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += df[p][i] * previousF[i];
            }
            b[p] = s;
            trace += a[p * k + p];
        }
        if (!(trace > 0.0)) {
            return null;
        }
        for (int p = 0; p < k; p++) {
            a[p * k + p] += 1e-10 * trace / k;
        }
        double[] gamma = Arrays.copyOf(b, k);
        if (!Cholesky.solve(a, k, gamma)) {
            stored = 0;
            next = 0;
            return null;
        }
        return gamma;
    }
}
