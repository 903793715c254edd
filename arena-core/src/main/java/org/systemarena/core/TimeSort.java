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
        int[] from = items;
        int[] to = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < bits; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(times[from[i]], min, shift) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int item = from[i];
                to[count[digit(times[item], min, shift)]++] = item;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != items) {
            System.arraycopy(from, 0, items, 0, n);
        }
    }

    private static int digit(long time, long min, int shift) {
        return (int) (((time - min) >>> shift) & (BUCKETS - 1));
    }
}
