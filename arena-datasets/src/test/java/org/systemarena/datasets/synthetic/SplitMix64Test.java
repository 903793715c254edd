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

    @Test
    void aDrawAddressedByPositionIsTheDrawAtThatPositionOfTheStream() {
        for (long seed : new long[] {0, 42, -7, Long.MIN_VALUE}) {
            long state = SplitMix64.streamState(seed, 3);
            SplitMix64 stream = SplitMix64.stream(seed, 3);
            for (int n = 0; n < 20; n++) {
                assertThat(SplitMix64.uniformAt(state, n)).isEqualTo(stream.nextDouble());
            }
        }
    }

    @Test
    void boundedDrawsFromAUniformCoverTheirRangeEvenly() {
        assertThat(LeadLuck.between(0.0, 5, 9)).isEqualTo(5);
        assertThat(LeadLuck.between(Math.nextDown(1.0), 5, 9)).isEqualTo(9);
        assertThat(LeadLuck.between(Math.nextDown(1.0), 0, Integer.MAX_VALUE - 1L)).isEqualTo(Integer.MAX_VALUE - 1L);
        assertThat(LeadLuck.below(0.5, 4)).isEqualTo(2);
        int[] counts = new int[7];
        SplitMix64 rng = new SplitMix64(11);
        for (int i = 0; i < 70_000; i++) {
            counts[LeadLuck.below(rng.nextDouble(), 7)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(10_000 - 560, 10_000 + 560);
        }
    }

    @Test
    void aLeadsDrawsDifferByStepAndPurpose() {
        LeadLuck luck = new LeadLuck(42, 0);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (LeadLuck.Arrival a : LeadLuck.Arrival.values()) {
            seen.add(luck.arrival(a));
        }
        for (int i = 0; i < 10; i++) {
            for (LeadLuck.AtDecision d : LeadLuck.AtDecision.values()) {
                seen.add(luck.decision(i, d));
            }
            for (LeadLuck.AtCheck c : LeadLuck.AtCheck.values()) {
                seen.add(luck.check(i, c));
            }
        }
        int expected = LeadLuck.Arrival.values().length
                + 10 * (LeadLuck.AtDecision.values().length + LeadLuck.AtCheck.values().length);
        assertThat(seen).hasSize(expected);
        assertThat(new LeadLuck(42, 0).decision(3, LeadLuck.AtDecision.REPLY))
                .isEqualTo(luck.decision(3, LeadLuck.AtDecision.REPLY))
                .isNotEqualTo(new LeadLuck(42, 1).decision(3, LeadLuck.AtDecision.REPLY))
                .isNotEqualTo(new LeadLuck(43, 0).decision(3, LeadLuck.AtDecision.REPLY));
    }
}
