package org.systemarena.eval.model;

import java.util.Arrays;

/** Computes {@link OutcomeModelCheck} from the out-of-fold Q values (see there for what is checked and why). */
final class CalibrationCheck {
    private static final int BINS = 10;
    /** Keeps the log loss finite for a prediction that rounds to 0 or 1. */
    private static final double EPSILON = 1e-12;

    private CalibrationCheck() {
    }

    /**
     * @param q        steps x actions, out-of-fold Q
     * @param v        per step, out-of-fold V under the target (NaN where undefined)
     * @param constant per fold, the constant model (its mean training target)
     */
    static OutcomeModelCheck of(LogShape shape, TargetSteps target, double[] q, double[] v, int[] foldOfCase,
            double[] constant) {
        int m = shape.actions;
        int n = 0;
        for (int c = 0; c < shape.cases; c++) {
            if (target.usable[c]) {
                n += shape.caseStart[c + 1] - shape.caseStart[c];
            }
        }
        double[] prediction = new double[n];
        double[] label = new double[n];
        double[] lossDifference = new double[n];
        int[] caseOfRow = new int[n];
        int k = 0;
        double sumResidual = 0.0;
        double sumLoss = 0.0;
        double sumConstantLoss = 0.0;
        for (int c = 0; c < shape.cases; c++) {
            if (!target.usable[c]) {
                continue;
            }
            double fallback = constant[foldOfCase[c]];
            for (int s = shape.caseStart[c]; s < shape.caseStart[c + 1]; s++) {
                double p = q[s * m + shape.logged[s]];
                double y = shape.last[s] ? shape.reward[c] : v[s + 1];
                if (Double.isNaN(p) || Double.isNaN(y) || Double.isNaN(fallback)) {
                    continue;
                }
                double loss = logLoss(y, p);
                double constantLoss = logLoss(y, fallback);
                prediction[k] = p;
                label[k] = y;
                lossDifference[k] = loss - constantLoss;
                caseOfRow[k] = c;
                sumResidual += y - p;
                sumLoss += loss;
                sumConstantLoss += constantLoss;
                k++;
            }
        }
        if (k == 0) {
            return OutcomeModelCheck.none();
        }
        double citl = sumResidual / k;
        double[] residual = new double[k];
        for (int i = 0; i < k; i++) {
            residual[i] = label[i] - prediction[i];
        }
        double se = clusteredStandardError(residual, caseOfRow, k, citl);
        double meanDifference = (sumLoss - sumConstantLoss) / k;
        double differenceSe = clusteredStandardError(lossDifference, caseOfRow, k, meanDifference);
        double[] ece = calibrationError(prediction, label, k);
        return OutcomeModelCheck.judge(k, citl, se, ece[0], ece[1], sumLoss / k, sumConstantLoss / k, differenceSe);
    }

    /** Standard error of a mean of rows, with each case's rows as one cluster (they share a case's outcome). */
    private static double clusteredStandardError(double[] x, int[] caseOfRow, int n, double mean) {
        double total = 0.0;
        double cluster = 0.0;
        for (int i = 0; i < n; i++) {
            cluster += x[i] - mean;
            if (i + 1 == n || caseOfRow[i + 1] != caseOfRow[i]) {
                total += cluster * cluster;
                cluster = 0.0;
            }
        }
        return Math.sqrt(total) / n;
    }

    /** {ECE over deciles of the prediction, the ECE a calibrated model would show from noise alone}. */
    private static double[] calibrationError(double[] prediction, double[] label, int n) {
        double[] sorted = Arrays.copyOf(prediction, n);
        Arrays.sort(sorted);
        double[] edges = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            edges[b - 1] = sorted[(int) ((long) b * n / BINS)];
        }
        long[] count = new long[BINS];
        double[] sumP = new double[BINS];
        double[] sumY = new double[BINS];
        for (int i = 0; i < n; i++) {
            int b = bin(edges, prediction[i]);
            count[b]++;
            sumP[b] += prediction[i];
            sumY[b] += label[i];
        }
        double[] sumSquares = new double[BINS];
        for (int i = 0; i < n; i++) {
            int b = bin(edges, prediction[i]);
            double d = label[i] - prediction[i] - (sumY[b] - sumP[b]) / count[b];
            sumSquares[b] += d * d;
        }
        double ece = 0.0;
        double noise = 0.0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(sumY[b] - sumP[b]) / n;
                double sd = Math.sqrt(sumSquares[b] / count[b]);
                noise += (double) count[b] / n * Math.sqrt(2.0 / Math.PI) * sd / Math.sqrt(count[b]);
            }
        }
        return new double[] {ece, noise};
    }

    /** The number of edges strictly below x: ties with an edge go to the lower bin, deterministically. */
    private static int bin(double[] edges, double x) {
        int b = 0;
        for (double e : edges) {
            b += x > e ? 1 : 0;
        }
        return b;
    }

    private static double logLoss(double y, double p) {
        double clamped = Math.min(1.0 - EPSILON, Math.max(EPSILON, p));
        return -(y * Math.log(clamped) + (1.0 - y) * Math.log(1.0 - clamped));
    }
}
