package org.systemarena.datasets.synthetic;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here so generated data is identical on every
 * JDK: {@code java.util} generators make no such promise across releases.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for one stream of a seeded family, so stream {@code k} does not depend on how many others exist. */
    static SplitMix64 stream(long seed, long index) {
        return new SplitMix64(streamState(seed, index));
    }

    /** The starting state of {@link #stream}{@code (seed, index)}; a state seeds a family of its own in turn. */
    static long streamState(long seed, long index) {
        return mix(seed ^ mix(index * GOLDEN_GAMMA + 0x632be59bd9b4e019L));
    }

    /**
     * The {@code n}-th (from 0) {@link #nextDouble} of a generator started at {@code state}, without drawing the ones
     * before it: SplitMix64's output is a function of its counter, so a draw can be addressed by position.
     */
    static double uniformAt(long state, int n) {
        return (mix(state + (n + 1L) * GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound); bound > 0. Rejection keeps it unbiased. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int bits;
        int value;
        do {
            bits = (int) (nextLong() >>> 33);
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }

    /** Uniform in [lo, hi]; lo <= hi and hi - lo < Integer.MAX_VALUE. */
    long between(long lo, long hi) {
        return lo + nextInt(Math.toIntExact(hi - lo + 1));
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
