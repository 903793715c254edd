package org.systemarena.eval.ranking;

import java.util.Arrays;

/**
 * The K best items of one period by {@link RankingMetrics#rankOrder}, kept in a bounded heap whose root is the
 * worst item kept. Decision ids are asked for only when scores tie, and each at most once.
 */
final class TopK {
    private final RankingInput in;
    private final int k;
    private final String[] ids;
    private int[] heap = new int[0];
    private int size;
    private int capacity;

    TopK(RankingInput in, int k) {
        this.in = in;
        this.k = k;
        this.ids = new String[in.size()];
    }

    void reset(int periodSize) {
        capacity = Math.min(k, periodSize);
        if (heap.length < capacity) {
            heap = new int[capacity];
        }
        size = 0;
    }

    void offer(int item) {
        if (size < capacity) {
            heap[size] = item;
            siftUp(size++);
        } else if (compare(item, heap[0]) < 0) {
            heap[0] = item;
            siftDown(0);
        }
    }

    /** The kept items, best first. */
    int[] ranked() {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = heap[i];
        }
        Arrays.sort(boxed, this::compare); // at most K items
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The {@code capacity} largest gains among the period's items, descending (the ideal ranking's gains). */
    double[] bestGains(PeriodBuckets buckets, int from, int to) {
        double[] best = new double[capacity];
        int n = 0;
        for (int j = from; j < to; j++) {
            double g = in.gain(buckets.item(j));
            if (n < capacity) {
                best[n] = g;
                for (int c = n++; c > 0 && best[(c - 1) / 2] > best[c]; c = (c - 1) / 2) {
                    swap(best, c, (c - 1) / 2);
                }
            } else if (capacity > 0 && g > best[0]) {
                best[0] = g;
                for (int c = 0; ; ) {
                    int l = 2 * c + 1;
                    int m = l + 1 < n && best[l + 1] < best[l] ? l + 1 : l;
                    if (l >= n || best[m] >= best[c]) {
                        break;
                    }
                    swap(best, c, m);
                    c = m;
                }
            }
        }
        Arrays.sort(best, 0, n);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            swap(best, i, j);
        }
        return best;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Negative when item a ranks before item b. */
    private int compare(int a, int b) {
        int byScore = RankingMetrics.byScore(in.score(a), in.score(b));
        return byScore != 0 ? byScore : id(a).compareTo(id(b));
    }

    private String id(int item) {
        String id = ids[item];
        if (id == null) {
            id = in.decisionId(item);
            ids[item] = id;
        }
        return id;
    }

    // The root is the worst kept item: a parent ranks after (compares greater than) its children.
    private void siftUp(int c) {
        while (c > 0) {
            int parent = (c - 1) / 2;
            if (compare(heap[c], heap[parent]) <= 0) {
                return;
            }
            int t = heap[c];
            heap[c] = heap[parent];
            heap[parent] = t;
            c = parent;
        }
    }

    private void siftDown(int c) {
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                return;
            }
            int worse = l + 1 < size && compare(heap[l + 1], heap[l]) > 0 ? l + 1 : l;
            if (compare(heap[worse], heap[c]) <= 0) {
                return;
            }
            int t = heap[c];
            heap[c] = heap[worse];
            heap[worse] = t;
            c = worse;
        }
    }
}
