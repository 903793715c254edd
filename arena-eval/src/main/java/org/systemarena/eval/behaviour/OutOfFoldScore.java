package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.List;

/**
 * Tallies a rule's held-out decisions as they are scored: log loss of the model and of the per-rule frequencies,
 * and per action the sums behind mean predicted vs observed and the 10-bin calibration error.
 */
final class OutOfFoldScore {
    private static final int BINS = 10;

    private final int classes;
    private long decisions;
    private double logLoss;
    private double frequencyLogLoss;
    private final double[] predicted;
    private final double[] observed;
    /** classes x BINS: count, sum of predictions, sum of outcomes. */
    private final long[] binCount;
    private final double[] binPredicted;
    private final double[] binObserved;

    OutOfFoldScore(int classes) {
        this.classes = classes;
        predicted = new double[classes];
        observed = new double[classes];
        binCount = new long[classes * BINS];
        binPredicted = new double[classes * BINS];
        binObserved = new double[classes * BINS];
    }

    /** One decision with class {@code y}: the model's {@code p[at..at+classes)} and the frequency model's. */
    void add(int y, double[] p, int at, double[] frequencies) {
        decisions++;
        logLoss -= Math.log(p[at + y]);
        frequencyLogLoss -= Math.log(frequencies[y]);
        for (int k = 0; k < classes; k++) {
            double pk = p[at + k];
            double hit = k == y ? 1.0 : 0.0;
            predicted[k] += pk;
            observed[k] += hit;
            int b = k * BINS + Math.min(BINS - 1, (int) (pk * BINS));
            binCount[b]++;
            binPredicted[b] += pk;
            binObserved[b] += hit;
        }
    }

    double logLoss() {
        return decisions == 0 ? Double.NaN : logLoss / decisions;
    }

    double frequencyLogLoss() {
        return decisions == 0 ? Double.NaN : frequencyLogLoss / decisions;
    }

    List<ActionCalibration> calibration(List<String> actions) {
        List<ActionCalibration> out = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            double error = 0.0;
            for (int b = k * BINS; b < (k + 1) * BINS; b++) {
                if (binCount[b] > 0) {
                    error += Math.abs(binPredicted[b] - binObserved[b]) / decisions;
                }
            }
            out.add(new ActionCalibration(actions.get(k), decisions == 0 ? Double.NaN : predicted[k] / decisions,
                    decisions == 0 ? Double.NaN : observed[k] / decisions, decisions == 0 ? Double.NaN : error));
        }
        return out;
    }
}
