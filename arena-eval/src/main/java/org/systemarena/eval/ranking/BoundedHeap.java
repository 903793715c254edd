package org.systemarena.eval.ranking;

/**
 * The first {@code capacity} items of a stream by an order, without sorting the stream: a heap whose root is the
 * last item kept, replaced whenever a better one arrives.
 */
final class BoundedHeap {
    /** Negative when item {@code a} comes before item {@code b}. */
    interface Order {
        int compare(int a, int b);
    }

    private final Order order;
    private int[] heap = new int[0];
    private int size;
    private int capacity;

    BoundedHeap(Order order) {
        this.order = order;
    }

    /** Empties the heap and sets how many items it keeps. */
    void reset(int keep) {
        capacity = keep;
        if (heap.length < keep) {
            heap = new int[keep];
        }
        size = 0;
    }

    void offer(int item) {
        if (size < capacity) {
            heap[size] = item;
            siftUp(size++);
        } else if (capacity > 0 && order.compare(item, heap[0]) < 0) {
            heap[0] = item;
            siftDown(0, size);
        }
    }

    /** The kept items in order, first first; empties the heap. */
    int[] drain() {
        int[] out = new int[size];
        // Heap-sort extraction: the root is the last kept item, so the array fills from its end.
        for (int end = size - 1; end >= 0; end--) {
            out[end] = heap[0];
            heap[0] = heap[end];
            siftDown(0, end);
        }
        size = 0;
        return out;
    }

    // A parent comes after (compares greater than) its children.
    private void siftUp(int c) {
        while (c > 0) {
            int parent = (c - 1) / 2;
            if (order.compare(heap[c], heap[parent]) <= 0) {
                return;
            }
            swap(c, parent);
            c = parent;
        }
    }

    private void siftDown(int c, int n) {
        while (true) {
            int l = 2 * c + 1;
            if (l >= n) {
                return;
            }
            int later = l + 1 < n && order.compare(heap[l + 1], heap[l]) > 0 ? l + 1 : l;
            if (order.compare(heap[later], heap[c]) <= 0) {
                return;
            }
            swap(c, later);
            c = later;
        }
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
