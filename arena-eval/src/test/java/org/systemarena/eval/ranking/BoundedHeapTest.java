package org.systemarena.eval.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedHeapTest {
    @Test
    void keepsTheFirstItemsInOrderAgainstAFullSort() {
        SplittableRandom random = new SplittableRandom(9);
        int[] values = new int[2_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(300); // many ties
        }
        // Order: by value, ties by item index, so the expected result is unique.
        BoundedHeap heap = new BoundedHeap((a, b) -> values[a] != values[b] ? Integer.compare(values[a], values[b])
                : Integer.compare(a, b));
        for (int keep : new int[] {0, 1, 7, 100, 2_000}) {
            heap.reset(keep);
            for (int i = 0; i < values.length; i++) {
                heap.offer(i);
            }
            Integer[] all = new Integer[values.length];
            Arrays.setAll(all, i -> i);
            Arrays.sort(all, (a, b) -> values[a] != values[b] ? Integer.compare(values[a], values[b])
                    : Integer.compare(a, b));
            int[] expected = Arrays.stream(all).limit(keep).mapToInt(Integer::intValue).toArray();
            assertThat(heap.drain()).containsExactly(expected);
        }
    }
}
