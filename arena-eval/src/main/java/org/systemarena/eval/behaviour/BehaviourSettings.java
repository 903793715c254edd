package org.systemarena.eval.behaviour;

import org.systemarena.core.ArenaException;
import org.systemarena.eval.glm.Encoder;

/**
 * How {@link CrossFittedBehaviourModel} fits.
 *
 * @param folds            cross-fitting folds over cases (fewer are used when there are fewer than 2 cases per fold)
 * @param l2               L2 penalty {@code l2/2 * ||beta||^2} on the coefficients of the standardised features,
 *                         intercepts excluded; the loss is a sum over decisions, so its pull fades as a rule's
 *                         decisions grow. It must be positive: rule-driven logs often separate actions perfectly,
 *                         and without it the coefficients would run off to infinity
 * @param smoothing        pseudo-decisions per action added to every fit, spread evenly over its training rows; an
 *                         intercept-only fit then gives {@code (n_a + smoothing) / (n + smoothing * K)}, the
 *                         additive smoothing of the per-rule frequency model. It must be positive: it is what keeps an
 *                         action that a fold's training rows never took at a positive, finite probability
 * @param seed             seed of the assignment of cases to folds
 * @param quantileBins     quantile bins per numeric feature, computed on each fold's training rows ({@code 1} = none)
 * @param maxLevels        most levels kept per categorical feature; rarer levels, and levels seen fewer than
 *                         {@link #MIN_LEVEL_COUNT} times in the training rows, share an "other" level
 * @param maxTrainingRows  most training decisions per fitted model; above it an evenly spread subsample is used
 */
public record BehaviourSettings(int folds, double l2, double smoothing, long seed, int quantileBins, int maxLevels,
        int maxTrainingRows) {
    public static final int DEFAULT_FOLDS = 5;
    public static final double DEFAULT_L2 = 1.0;
    /** Laplace, as {@code EmpiricalBehaviourModel.DEFAULT_SMOOTHING}. */
    public static final double DEFAULT_SMOOTHING = 1.0;
    public static final int DEFAULT_QUANTILE_BINS = 4;
    public static final int DEFAULT_MAX_LEVELS = 20;
    public static final int DEFAULT_MAX_TRAINING_ROWS = 200_000;
    /** A categorical level seen fewer times than this in a fold's training rows goes to "other". */
    public static final int MIN_LEVEL_COUNT = Encoder.MIN_LEVEL_COUNT;

    public BehaviourSettings {
        if (folds < 2) {
            throw new ArenaException("behaviour model folds must be at least 2, got " + folds);
        }
        if (!(l2 > 0.0 && Double.isFinite(l2))) {
            throw new ArenaException("behaviour model L2 penalty must be a finite number > 0, got " + l2);
        }
        if (!(smoothing > 0.0 && Double.isFinite(smoothing))) {
            throw new ArenaException("behaviour model smoothing must be a finite number > 0, got " + smoothing);
        }
        if (quantileBins < 1) {
            throw new ArenaException("behaviour model quantile bins must be at least 1 (1 = no bins), got "
                    + quantileBins);
        }
        if (maxLevels < 1) {
            throw new ArenaException("behaviour model max levels must be at least 1, got " + maxLevels);
        }
        if (maxTrainingRows < 1) {
            throw new ArenaException("behaviour model max training rows must be at least 1, got " + maxTrainingRows);
        }
    }

    /** 5 folds, L2 1.0, Laplace smoothing, 4 quantile bins, 20 levels, 200,000 training rows per model. */
    public static BehaviourSettings defaults(long seed) {
        return new BehaviourSettings(DEFAULT_FOLDS, DEFAULT_L2, DEFAULT_SMOOTHING, seed, DEFAULT_QUANTILE_BINS,
                DEFAULT_MAX_LEVELS, DEFAULT_MAX_TRAINING_ROWS);
    }

    public BehaviourSettings withFolds(int n) {
        return new BehaviourSettings(n, l2, smoothing, seed, quantileBins, maxLevels, maxTrainingRows);
    }

    public BehaviourSettings withL2(double penalty) {
        return new BehaviourSettings(folds, penalty, smoothing, seed, quantileBins, maxLevels, maxTrainingRows);
    }

    public BehaviourSettings withSmoothing(double pseudoCount) {
        return new BehaviourSettings(folds, l2, pseudoCount, seed, quantileBins, maxLevels, maxTrainingRows);
    }

    public BehaviourSettings withQuantileBins(int bins) {
        return new BehaviourSettings(folds, l2, smoothing, seed, bins, maxLevels, maxTrainingRows);
    }

    public BehaviourSettings withMaxLevels(int levels) {
        return new BehaviourSettings(folds, l2, smoothing, seed, quantileBins, levels, maxTrainingRows);
    }

    public BehaviourSettings withMaxTrainingRows(int rows) {
        return new BehaviourSettings(folds, l2, smoothing, seed, quantileBins, maxLevels, rows);
    }
}
