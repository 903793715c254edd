package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void matchesTheReferenceSequenceForSeedZero() {
        // First outputs of the reference C implementation (splitmix64.c) seeded with 0.
        SplitMix64 rng = new SplitMix64(0);
        assertThat(rng.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(rng.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(rng.nextLong()).isEqualTo(0x06c45d188009454fL);
    }

    @Test
    void boundedDrawsStayInRangeAndCoverIt() {
        SplitMix64 rng = new SplitMix64(7);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[rng.nextInt(7)]++;
        }
        // Each bucket expects 10,000 with standard deviation ~93; 6 sigma is a bug, not bad luck.
        for (int c : counts) {
            assertThat(c).isBetween(10_000 - 560, 10_000 + 560);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(rng.between(5, 9)).isBetween(5L, 9L);
            assertThat(rng.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }
}
