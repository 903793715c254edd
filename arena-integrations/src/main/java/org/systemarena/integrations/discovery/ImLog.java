package org.systemarena.integrations.discovery;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A multiset of traces over global activity codes, the unit the Inductive Miner recurses on. Distinct traces keep
 * the order in which they were first added.
 */
final class ImLog {
    final int[][] traces;
    final long[] counts;

    private ImLog(int[][] traces, long[] counts) {
        this.traces = traces;
        this.counts = counts;
    }

    int size() {
        return traces.length;
    }

    long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    long emptyTraces() {
        long n = 0;
        for (int i = 0; i < traces.length; i++) {
            if (traces[i].length == 0) {
                n += counts[i];
            }
        }
        return n;
    }

    ImLog withoutEmptyTraces() {
        Builder b = new Builder();
        for (int i = 0; i < traces.length; i++) {
            if (traces[i].length > 0) {
                b.add(traces[i], counts[i]);
            }
        }
        return b.build();
    }

    /** Every trace restricted to the activities in {@code keep}. */
    ImLog project(BitSet keep) {
        Builder b = new Builder();
        for (int i = 0; i < traces.length; i++) {
            b.add(filter(traces[i], keep), counts[i]);
        }
        return b.build();
    }

    static int[] filter(int[] trace, BitSet keep) {
        int n = 0;
        for (int a : trace) {
            if (keep.get(a)) {
                n++;
            }
        }
        if (n == trace.length) {
            return trace;
        }
        int[] out = new int[n];
        int j = 0;
        for (int a : trace) {
            if (keep.get(a)) {
                out[j++] = a;
            }
        }
        return out;
    }

    /** Activities present. */
    BitSet alphabet() {
        BitSet s = new BitSet();
        for (int[] t : traces) {
            for (int a : t) {
                s.set(a);
            }
        }
        return s;
    }

    /** Collects traces, merging equal ones. */
    static final class Builder {
        private final Map<TraceKey, long[]> traces = new LinkedHashMap<>();

        void add(int[] trace, long count) {
            traces.computeIfAbsent(new TraceKey(trace), k -> new long[1])[0] += count;
        }

        void add(int[] trace, int from, int to, long count) {
            add(Arrays.copyOfRange(trace, from, to), count);
        }

        ImLog build() {
            int[][] t = new int[traces.size()][];
            long[] c = new long[traces.size()];
            int i = 0;
            for (Map.Entry<TraceKey, long[]> e : traces.entrySet()) {
                t[i] = e.getKey().codes;
                c[i++] = e.getValue()[0];
            }
            return new ImLog(t, c);
        }
    }

    private static final class TraceKey {
        final int[] codes;
        final int hash;

        TraceKey(int[] codes) {
            this.codes = codes;
            this.hash = Arrays.hashCode(codes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TraceKey k && k.hash == hash && Arrays.equals(k.codes, codes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
