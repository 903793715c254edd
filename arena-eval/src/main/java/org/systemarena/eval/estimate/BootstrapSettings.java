package org.systemarena.eval.estimate;

import org.systemarena.core.ArenaException;

/**
 * How bootstrap intervals are computed: the seed, the number of resamples (at least 1,000, SPEC §7), the interval's
 * confidence level and how many threads may share the work ({@code 0} = one per available processor). The thread
 * count never changes the numbers: resamples are drawn in fixed blocks, each with its own seed derived from
 * {@code seed}.
 */
public record BootstrapSettings(long seed, int resamples, double confidence, int threads) {
    public static final int MIN_RESAMPLES = 1_000;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public BootstrapSettings {
        if (resamples < MIN_RESAMPLES) {
            throw new ArenaException("bootstrap resamples must be at least " + MIN_RESAMPLES + ", got " + resamples);
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new ArenaException("bootstrap confidence must be in (0, 1), got " + confidence);
        }
        if (threads < 0) {
            throw new ArenaException("bootstrap threads must be >= 0 (0 = all processors), got " + threads);
        }
    }

    /** 1,000 resamples, 95% intervals, all processors. */
    public static BootstrapSettings of(long seed) {
        return new BootstrapSettings(seed, MIN_RESAMPLES, DEFAULT_CONFIDENCE, 0);
    }

    public BootstrapSettings withResamples(int n) {
        return new BootstrapSettings(seed, n, confidence, threads);
    }

    public BootstrapSettings withThreads(int n) {
        return new BootstrapSettings(seed, resamples, confidence, n);
    }

    int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
