package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeSortTest {
    /** The reference: a stable comparison sort of boxed indices by time. */
    private static int[] reference(int[] items, long[] times) {
        return Arrays.stream(items).boxed().sorted(Comparator.comparingLong(i -> times[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] sorted(int[] items, long[] times) {
        int[] copy = items.clone();
        TimeSort.stableByTime(copy, times);
        return copy;
    }

    @Test
    void sortsByTimeKeepingTheOrderOfEqualTimes() {
        long[] times = {30, 10, 20, 10, 30, 10};
        assertThat(sorted(new int[] {0, 1, 2, 3, 4, 5}, times)).containsExactly(1, 3, 5, 2, 0, 4);
        assertThat(sorted(new int[] {5, 4, 3, 2, 1, 0}, times)).containsExactly(5, 3, 1, 2, 4, 0);
        assertThat(sorted(new int[] {}, times)).isEmpty();
        assertThat(sorted(new int[] {2}, times)).containsExactly(2);
    }

    @Test
    void agreesWithAComparisonSortOverEveryRange() {
        Random random = new Random(3);
        long[][] ranges = {{0, 5}, {-1_000, 1_000}, {0, 1L << 40}, {1_700_000_000_000_000L, 1_700_000_000_000_000L
                + 400L * 86_400_000_000L}, {Long.MIN_VALUE, Long.MAX_VALUE}};
        for (long[] range : ranges) {
            int n = 50_000;
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long t = range[0] + (long) (random.nextDouble() * ((double) range[1] - range[0]));
                times[i] = i % 7 == 0 ? range[0] : i % 11 == 0 ? range[1] : t;
            }
            int[] items = IntStream.range(0, n).map(i -> (i * 7919) % n).toArray();
            assertThat(sorted(items, times)).as("range %s", Arrays.toString(range))
                    .isEqualTo(reference(items, times));
        }
    }

    @Test
    void replayOrderIsTimeThenCaseIdThenCaseOrder() {
        EventLogBuilder b = EventLog.builder();
        java.time.Instant t0 = java.time.Instant.parse("2024-01-01T00:00:00Z");
        b.startEvent("b", t0.plusSeconds(5)).eventType("x");
        b.startEvent("b", t0.plusSeconds(5)).eventType("x").sequenceNumber(2);
        b.startEvent("a", t0.plusSeconds(5)).eventType("x");
        b.startEvent("c", t0).eventType("x");
        b.startEvent("a", t0.plusSeconds(1)).eventType("x");
        EventLog log = b.build();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            int r = log.replayRow(i);
            order.append(log.caseIdOf(r)).append('@').append(log.timestamp(r).getEpochSecond() % 60).append(' ');
        }
        assertThat(order.toString().trim()).isEqualTo("c@0 a@1 a@5 b@5 b@5");
        assertThat(Arrays.stream(log.caseIdOrder()).mapToObj(log::caseId)).containsExactly("a", "b", "c");
    }
}
