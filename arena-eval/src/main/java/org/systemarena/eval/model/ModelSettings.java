package org.systemarena.eval.model;

import org.systemarena.core.ArenaException;

/**
 * How {@link ModelBasedEstimator} fits its outcome models and weighs the cases (docs/metrics.md, section 9).
 *
 * @param folds             cross-fitting folds over cases (fewer when a fold would get fewer than 2 cases)
 * @param seed              seed of the assignment of cases to folds; the behaviour model's default seed, so with the
 *                          same seed and folds a case's mu and Q come from models fitted on the same other cases
 * @param l2                L2 penalty on the standardised coefficients of each per-action logistic regression (its
 *                          two classes' slopes each carry {@code l2/2 ||theta||^2}, a penalty of {@code l2/4} on the
 *                          log-odds slopes), intercepts excluded; must be positive
 * @param smoothing         pseudo-rows per class (reward 1 and reward 0) spread over each fit's rows: they keep an
 *                          action whose rewards are all 0 (or all 1) at a finite log-odds; must be positive
 * @param quantileBins      quantile bins per numeric feature (the step index included), as the behaviour model
 * @param maxLevels         most levels kept per categorical feature
 * @param maxTrainingRows   most rows per fitted model; above it an evenly spread subsample is used (each row then
 *                          weighs for the rows it stands for): a model of some sixty coefficients needs far fewer
 *                          than 50,000, and on large logs the fits are most of the estimators' time
 * @param maxIterations     cap on the fitted-Q iterations (fits per model); a fold that reaches it is reported as
 *                          not converged
 * @param tolerance         the iterations stop when no regression target moved by more than this
 * @param clip              cap on the per-decision weights rho_t (the running products, not the single ratios);
 *                          {@code Double.POSITIVE_INFINITY} = no clipping
 * @param horizonCap        most per-step normalisations of weighted DR; steps from {@code horizonCap - 1} on share
 *                          the normaliser of that step (so the bootstrap carries at most {@code 2 horizonCap + 3}
 *                          values per case)
 * @param minDecisions      a (rule, action) modelled from fewer logged decisions than this in a fold's training
 *                          cases is <em>model-extrapolated</em>: its values are used, and flagged
 */
public record ModelSettings(int folds, long seed, double l2, double smoothing, int quantileBins, int maxLevels,
        int maxTrainingRows, int maxIterations, double tolerance, double clip, int horizonCap, int minDecisions) {
    public static final int DEFAULT_FOLDS = 5;
    public static final double DEFAULT_L2 = 1.0;
    public static final double DEFAULT_SMOOTHING = 1.0;
    /** Twice the behaviour model's: outcome effects have thresholds (a call after five days) that four bins miss. */
    public static final int DEFAULT_QUANTILE_BINS = 8;
    public static final int DEFAULT_MAX_LEVELS = 20;
    public static final int DEFAULT_MAX_TRAINING_ROWS = 50_000;
    public static final int DEFAULT_MAX_ITERATIONS = 50;
    public static final double DEFAULT_TOLERANCE = 1e-4;
    public static final int DEFAULT_HORIZON_CAP = 8;
    public static final int DEFAULT_MIN_DECISIONS = 50;

    public ModelSettings {
        if (folds < 2) {
            throw new ArenaException("model folds must be at least 2, got " + folds);
        }
        if (!(l2 > 0.0 && Double.isFinite(l2))) {
            throw new ArenaException("model L2 penalty must be a finite number > 0, got " + l2);
        }
        if (!(smoothing > 0.0 && Double.isFinite(smoothing))) {
            throw new ArenaException("model smoothing must be a finite number > 0, got " + smoothing);
        }
        if (quantileBins < 1) {
            throw new ArenaException("model quantile bins must be at least 1 (1 = no bins), got " + quantileBins);
        }
        if (maxLevels < 1) {
            throw new ArenaException("model max levels must be at least 1, got " + maxLevels);
        }
        if (maxTrainingRows < 1) {
            throw new ArenaException("model max training rows must be at least 1, got " + maxTrainingRows);
        }
        if (maxIterations < 1) {
            throw new ArenaException("model max iterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0.0 && Double.isFinite(tolerance))) {
            throw new ArenaException("model tolerance must be a finite number > 0, got " + tolerance);
        }
        if (!(clip >= 1.0)) {
            throw new ArenaException("weight clip must be at least 1 (infinity = none), got " + clip);
        }
        if (horizonCap < 1) {
            throw new ArenaException("horizon cap must be at least 1, got " + horizonCap);
        }
        if (minDecisions < 1) {
            throw new ArenaException("model min decisions must be at least 1, got " + minDecisions);
        }
    }

    /** The defaults above, no clipping, folds seeded with {@code seed}. */
    public static ModelSettings defaults(long seed) {
        return new ModelSettings(DEFAULT_FOLDS, seed, DEFAULT_L2, DEFAULT_SMOOTHING, DEFAULT_QUANTILE_BINS,
                DEFAULT_MAX_LEVELS, DEFAULT_MAX_TRAINING_ROWS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
                Double.POSITIVE_INFINITY, DEFAULT_HORIZON_CAP, DEFAULT_MIN_DECISIONS);
    }

    public boolean clipped() {
        return clip != Double.POSITIVE_INFINITY;
    }

    public ModelSettings withFolds(int n) {
        return new ModelSettings(n, seed, l2, smoothing, quantileBins, maxLevels, maxTrainingRows, maxIterations,
                tolerance, clip, horizonCap, minDecisions);
    }

    public ModelSettings withL2(double value) {
        return new ModelSettings(folds, seed, value, smoothing, quantileBins, maxLevels, maxTrainingRows,
                maxIterations, tolerance, clip, horizonCap, minDecisions);
    }

    public ModelSettings withMaxTrainingRows(int rows) {
        return new ModelSettings(folds, seed, l2, smoothing, quantileBins, maxLevels, rows, maxIterations,
                tolerance, clip, horizonCap, minDecisions);
    }

    public ModelSettings withMaxIterations(int n) {
        return new ModelSettings(folds, seed, l2, smoothing, quantileBins, maxLevels, maxTrainingRows, n,
                tolerance, clip, horizonCap, minDecisions);
    }

    public ModelSettings withClip(double cap) {
        return new ModelSettings(folds, seed, l2, smoothing, quantileBins, maxLevels, maxTrainingRows,
                maxIterations, tolerance, cap, horizonCap, minDecisions);
    }

    public ModelSettings withHorizonCap(int steps) {
        return new ModelSettings(folds, seed, l2, smoothing, quantileBins, maxLevels, maxTrainingRows,
                maxIterations, tolerance, clip, steps, minDecisions);
    }

    public ModelSettings withMinDecisions(int n) {
        return new ModelSettings(folds, seed, l2, smoothing, quantileBins, maxLevels, maxTrainingRows,
                maxIterations, tolerance, clip, horizonCap, n);
    }
}
