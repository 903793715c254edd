package org.systemarena.eval.glm;

/** Solves a symmetric positive definite system in place; the Newton step's only linear algebra. */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Factors {@code a} (n x n, row-major, lower triangle used and overwritten) and overwrites {@code b} with the
     * solution of {@code a x = b}. Returns false, leaving both in an unspecified state, when a pivot is not positive.
     */
    public static boolean solve(double[] a, int n, double[] b) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > 0.0) || !Double.isFinite(d)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[rj + j] = l;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s / l;
            }
        }
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[ri + k] * b[k];
            }
            b[i] = s / a[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
        return true;
    }
}
