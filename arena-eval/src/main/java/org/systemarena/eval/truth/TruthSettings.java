package org.systemarena.eval.truth;

/**
 * How a stochastic policy's truth is computed. A lead whose tree of the policy's choices has at most
 * {@code maxExactPaths} paths is enumerated exactly; any other lead gets {@code draws} independent draws of the
 * policy's actions over the same luck. Deterministic policies have one path per lead and are always exact. Results do
 * not depend on {@code threads}.
 *
 * @param draws          Monte Carlo draws per sampled lead, at least 2 (so each lead's variance can be estimated)
 * @param maxExactPaths  enumerate a lead when it has at most this many paths (0: never)
 * @param seed           seed of the Monte Carlo draws (the leads' luck is the generator's, not this)
 * @param threads        threads simulating leads (0: one per available processor)
 */
public record TruthSettings(int draws, int maxExactPaths, long seed, int threads) {
    /** About this many draws in all are spread over the leads by {@link #forCases}. */
    static final int DRAW_BUDGET = 30_000;
    static final int MIN_DRAWS = 4;
    static final int MAX_DRAWS = 400;
    static final long DEFAULT_SEED = 0x7472_7574_68L;

    public TruthSettings {
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be at least 2, got " + draws);
        }
        if (maxExactPaths < 0) {
            throw new IllegalArgumentException("maxExactPaths must be >= 0, got " + maxExactPaths);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
    }

    /**
     * {@code draws} per sampled lead; leads with at most as many paths are enumerated (that costs about as much as
     * sampling them).
     */
    public static TruthSettings draws(int draws) {
        return new TruthSettings(draws, draws, DEFAULT_SEED, 0);
    }

    /**
     * The default for {@code cases} leads: about 30,000 draws in all, at least 4 and at most 400 per lead (100 for the
     * bundled example's 300), which puts the Monte Carlo standard error of a conversion near 0.002: a tenth of
     * the width of the intervals the log's estimates get, and seconds of work.
     */
    public static TruthSettings forCases(int cases) {
        int perCase = cases <= 0 ? MAX_DRAWS : (int) Math.min(MAX_DRAWS, Math.max(MIN_DRAWS,
                (DRAW_BUDGET + cases - 1L) / cases));
        return draws(perCase);
    }

    public TruthSettings withSeed(long newSeed) {
        return new TruthSettings(draws, maxExactPaths, newSeed, threads);
    }

    public TruthSettings withMaxExactPaths(int paths) {
        return new TruthSettings(draws, paths, seed, threads);
    }

    public TruthSettings withThreads(int n) {
        return new TruthSettings(draws, maxExactPaths, seed, n);
    }

    int threadCount() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
