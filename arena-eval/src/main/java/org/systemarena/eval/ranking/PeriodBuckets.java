package org.systemarena.eval.ranking;

import java.util.Arrays;

/**
 * Items grouped by period index, periods ascending, items of a period in input order. A counting sort when the
 * periods span a range not much larger than the item count (the usual case: days of a log), otherwise a sort of
 * the distinct period indices.
 */
final class PeriodBuckets {
    private final long[] periods;
    private final int[] starts;
    private final int[] items;

    private PeriodBuckets(long[] periods, int[] starts, int[] items) {
        this.periods = periods;
        this.starts = starts;
        this.items = items;
    }

    static PeriodBuckets of(long[] period) {
        int n = period.length;
        if (n == 0) {
            return new PeriodBuckets(new long[0], new int[] {0}, new int[0]);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long p : period) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        int[] slot = new int[n];
        long[] distinct;
        long range = max - min; // periods are floorDiv results of millis, so this cannot overflow in practice
        if (range >= 0 && range < 4L * n + 1024) {
            boolean[] used = new boolean[(int) range + 1];
            for (long p : period) {
                used[(int) (p - min)] = true;
            }
            int[] rank = new int[used.length];
            int count = 0;
            for (int v = 0; v < used.length; v++) {
                rank[v] = used[v] ? count++ : -1;
            }
            distinct = new long[count];
            for (int v = 0; v < used.length; v++) {
                if (used[v]) {
                    distinct[rank[v]] = min + v;
                }
            }
            for (int i = 0; i < n; i++) {
                slot[i] = rank[(int) (period[i] - min)];
            }
        } else {
            long[] sorted = period.clone();
            Arrays.sort(sorted);
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[count++] = sorted[i];
                }
            }
            distinct = Arrays.copyOf(sorted, count);
            for (int i = 0; i < n; i++) {
                slot[i] = Arrays.binarySearch(distinct, period[i]);
            }
        }
        int[] starts = new int[distinct.length + 1];
        for (int s : slot) {
            starts[s + 1]++;
        }
        for (int b = 0; b < distinct.length; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = Arrays.copyOf(starts, distinct.length);
        int[] items = new int[n];
        for (int i = 0; i < n; i++) {
            items[next[slot[i]]++] = i;
        }
        return new PeriodBuckets(distinct, starts, items);
    }

    int count() {
        return periods.length;
    }

    long period(int bucket) {
        return periods[bucket];
    }

    /** Position of the bucket's first item; {@code start(count())} is the item count. */
    int start(int bucket) {
        return starts[bucket];
    }

    int item(int position) {
        return items[position];
    }
}
