package org.systemarena.core;

/**
 * Stable sort of indices by a timestamp per index: a least-significant-digit radix sort on the timestamps' offsets
 * from the smallest one, 11 bits per pass, skipping the high digits no offset uses (a year of microseconds needs 45
 * bits: 5 passes). Linear time and no comparator: global replay order over millions of rows is a few counting
 * passes instead of a comparison sort.
 */
public final class TimeSort {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private TimeSort() {
    }

    /**
     * Reorders {@code items} (indices into {@code times}) so their times ascend; items with equal times keep their
     * relative order.
     */
    public static void stableByTime(int[] items, long[] times) {
        int n = items.length;
        if (n < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int item : items) {
            min = Math.min(min, times[item]);
            max = Math.max(max, times[item]);
        }
        // Offsets are unsigned: max - min may overflow a signed long only when times span more than 2^63.
        long span = max - min;
        int bits = 64 - Long.numberOfLeadingZeros(span);
        int passes = (bits + BITS - 1) / BITS;
        if (passes == 0) {
            return;
        }
        // The keys travel with the items, so every pass reads both arrays in order (looking each time up through
        // the permuted items would miss the cache on every read), and one pass counts the digits of all passes.
        long[] keys = new long[n];
        int[][] counts = new int[passes][BUCKETS + 1];
        for (int i = 0; i < n; i++) {
            long key = times[items[i]] - min;
            keys[i] = key;
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((key >>> (p * BITS)) & (BUCKETS - 1)) + 1]++;
            }
        }
        int[] from = items;
        int[] to = new int[n];
        long[] fromKeys = keys;
        long[] toKeys = new long[n];
        for (int p = 0; p < passes; p++) {
            int shift = p * BITS;
            int[] count = counts[p];
            for (int b = 0; b < BUCKETS; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                long key = fromKeys[i];
                int at = count[(int) ((key >>> shift) & (BUCKETS - 1))]++;
                to[at] = from[i];
                toKeys[at] = key;
            }
            int[] t = from;
            from = to;
            to = t;
            long[] tk = fromKeys;
            fromKeys = toKeys;
            toKeys = tk;
        }
        if (from != items) {
            System.arraycopy(from, 0, items, 0, n);
        }
    }
}
