package org.systemarena.core;

/** Stable merge sort of int row indices with a primitive comparator: no boxing for millions of rows. */
final class RowSort {
    @FunctionalInterface
    interface RowComparator {
        int compare(int a, int b);
    }

    private RowSort() {
    }

    static void sort(int[] rows, int from, int to, RowComparator cmp) {
        if (to - from < 2 || isSorted(rows, from, to, cmp)) {
            return;
        }
        int[] buffer = new int[to - from];
        mergeSort(rows, buffer, from, to, cmp);
    }

    private static boolean isSorted(int[] rows, int from, int to, RowComparator cmp) {
        for (int i = from + 1; i < to; i++) {
            if (cmp.compare(rows[i - 1], rows[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static void mergeSort(int[] a, int[] buf, int from, int to, RowComparator cmp) {
        int n = to - from;
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid, cmp);
        mergeSort(a, buf, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buf, 0, n);
        int i = 0;
        int j = mid - from;
        int k = from;
        int leftEnd = mid - from;
        while (i < leftEnd && j < n) {
            a[k++] = cmp.compare(buf[j], buf[i]) < 0 ? buf[j++] : buf[i++];
        }
        while (i < leftEnd) {
            a[k++] = buf[i++];
        }
        while (j < n) {
            a[k++] = buf[j++];
        }
    }
}
