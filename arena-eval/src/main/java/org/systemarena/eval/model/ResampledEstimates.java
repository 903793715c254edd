package org.systemarena.eval.model;

import java.util.Objects;

/**
 * DM, DR and WDR on every bootstrap resample of one evaluation (NaN where a resample drew no used case). The
 * resamples are those of {@code estimate.Resampling} with the evaluation's seed over all the log's cases, so
 * resample r here is resample r of every other estimate of the same log and seed, the importance-sampling ones
 * included: differences taken resample by resample are paired. Immutable; accessors copy.
 */
public final class ResampledEstimates {
    /** The estimator that drew them: only its results pair up. */
    final Object origin;
    final long seed;
    final double[] dm;
    final double[] dr;
    final double[] wdr;
    /** Per case of the log, whether the estimates used it. */
    final boolean[] used;

    ResampledEstimates(Object origin, long seed, double[] dm, double[] dr, double[] wdr, boolean[] used) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.seed = seed;
        this.dm = dm;
        this.dr = dr;
        this.wdr = wdr;
        this.used = used;
    }

    public long seed() {
        return seed;
    }

    public int resamples() {
        return dr.length;
    }

    public double[] dm() {
        return dm.clone();
    }

    public double[] dr() {
        return dr.clone();
    }

    public double[] wdr() {
        return wdr.clone();
    }
}
