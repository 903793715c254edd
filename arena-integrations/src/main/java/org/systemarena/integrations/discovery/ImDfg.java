package org.systemarena.integrations.discovery;

import java.util.BitSet;
import org.systemarena.core.ArenaException;

/**
 * The directly-follows graph of an {@link ImLog} over a local alphabet: local index i stands for global activity code
 * {@code alphabet[i]} (ascending codes). Dense count matrix, since the alphabet of a (sub)log is small.
 */
final class ImDfg {
    static final int MAX_ACTIVITIES = 4096;

    final int[] alphabet;
    final int m;
    final long[] edges; // m * m
    final long[] start;
    final long[] end;

    private ImDfg(int[] alphabet, long[] edges, long[] start, long[] end) {
        this.alphabet = alphabet;
        this.m = alphabet.length;
        this.edges = edges;
        this.start = start;
        this.end = end;
    }

    static ImDfg of(ImLog log) {
        BitSet codes = log.alphabet();
        int[] alphabet = codes.stream().toArray();
        int m = alphabet.length;
        if (m > MAX_ACTIVITIES) {
            throw new ArenaException("Inductive Miner: " + m + " distinct activities, at most " + MAX_ACTIVITIES
                    + " are supported");
        }
        int maxCode = m == 0 ? 0 : alphabet[m - 1] + 1;
        int[] local = new int[maxCode];
        for (int i = 0; i < m; i++) {
            local[alphabet[i]] = i;
        }
        long[] edges = new long[m * m];
        long[] start = new long[m];
        long[] end = new long[m];
        for (int t = 0; t < log.traces.length; t++) {
            int[] trace = log.traces[t];
            if (trace.length == 0) {
                continue;
            }
            long n = log.counts[t];
            start[local[trace[0]]] += n;
            end[local[trace[trace.length - 1]]] += n;
            for (int i = 1; i < trace.length; i++) {
                edges[local[trace[i - 1]] * m + local[trace[i]]] += n;
            }
        }
        return new ImDfg(alphabet, edges, start, end);
    }

    boolean has(int a, int b) {
        return edges[a * m + b] > 0;
    }

    boolean isStart(int a) {
        return start[a] > 0;
    }

    boolean isEnd(int a) {
        return end[a] > 0;
    }

    /**
     * IMf's filter: keeps an edge a -> b only when its count exceeds {@code noise} times the strongest outgoing
     * count of a, where ending a case counts as an outgoing "edge" of a. Start and end activities are kept as they
     * are.
     */
    ImDfg filtered(double noise) {
        long[] kept = edges.clone();
        for (int a = 0; a < m; a++) {
            long max = end[a];
            for (int b = 0; b < m; b++) {
                max = Math.max(max, edges[a * m + b]);
            }
            double threshold = noise * max;
            for (int b = 0; b < m; b++) {
                if (kept[a * m + b] > 0 && !(kept[a * m + b] > threshold)) {
                    kept[a * m + b] = 0;
                }
            }
        }
        return new ImDfg(alphabet, kept, start, end);
    }

    /** The global codes of a set of local indices. */
    BitSet toCodes(BitSet localSet) {
        BitSet codes = new BitSet();
        localSet.stream().forEach(i -> codes.set(alphabet[i]));
        return codes;
    }

    /** reach[a] = local indices reachable from a by one or more edges. */
    BitSet[] reachability() {
        BitSet[] reach = new BitSet[m];
        int[] queue = new int[m];
        for (int a = 0; a < m; a++) {
            BitSet seen = new BitSet(m);
            int head = 0;
            int tail = 0;
            for (int b = 0; b < m; b++) {
                if (has(a, b) && !seen.get(b)) {
                    seen.set(b);
                    queue[tail++] = b;
                }
            }
            while (head < tail) {
                int x = queue[head++];
                for (int b = 0; b < m; b++) {
                    if (has(x, b) && !seen.get(b)) {
                        seen.set(b);
                        queue[tail++] = b;
                    }
                }
            }
            reach[a] = seen;
        }
        return reach;
    }
}
