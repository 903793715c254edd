package org.systemarena.eval.truth;

/**
 * The uniforms a sampled path draws the target's actions from: one per (lead, draw, depth), from the SplitMix64
 * finaliser, so they are the same on every JDK and independent of how the leads are batched or threaded.
 */
final class TruthDraws {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private TruthDraws() {
    }

    static double uniform(long seed, int lead, int draw, int depth) {
        long h = mix(seed + GAMMA);
        h = mix(h ^ (lead + 1L) * GAMMA);
        h = mix(h ^ (draw + 1L) * 0xc2b2ae3d27d4eb4fL);
        h = mix(h ^ (depth + 1L) * 0x165667b19e3779f9L);
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
