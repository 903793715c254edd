package org.systemarena.integrations.discovery;

import java.util.BitSet;

/**
 * Minimum self-distance of each activity (fewest events between two of its occurrences in any trace) and its
 * witnesses (activities seen between two occurrences at that distance). Two activities where one witnesses the other
 * are in a loop together, so the concurrency cut keeps them in one group.
 */
final class MinimumSelfDistance {
    private final BitSet[] witnesses; // by local index

    private MinimumSelfDistance(BitSet[] witnesses) {
        this.witnesses = witnesses;
    }

    static MinimumSelfDistance of(ImLog log, ImDfg dfg) {
        int m = dfg.m;
        int maxCode = m == 0 ? 0 : dfg.alphabet[m - 1] + 1;
        int[] local = new int[maxCode];
        for (int i = 0; i < m; i++) {
            local[dfg.alphabet[i]] = i;
        }
        int[] distance = new int[m];
        java.util.Arrays.fill(distance, Integer.MAX_VALUE);
        BitSet[] witnesses = new BitSet[m];
        for (int i = 0; i < m; i++) {
            witnesses[i] = new BitSet(m);
        }
        int[] last = new int[m];
        for (int[] trace : log.traces) {
            java.util.Arrays.fill(last, -1);
            for (int j = 0; j < trace.length; j++) {
                int a = local[trace[j]];
                int i = last[a];
                if (i >= 0) {
                    int d = j - i - 1;
                    if (d < distance[a]) {
                        distance[a] = d;
                        witnesses[a].clear();
                    }
                    if (d == distance[a]) {
                        for (int k = i + 1; k < j; k++) {
                            witnesses[a].set(local[trace[k]]);
                        }
                    }
                }
                last[a] = j;
            }
        }
        return new MinimumSelfDistance(witnesses);
    }

    /** True when a witnesses b's minimum self-distance or b witnesses a's. */
    boolean witnesses(int a, int b) {
        return witnesses[a].get(b) || witnesses[b].get(a);
    }
}
