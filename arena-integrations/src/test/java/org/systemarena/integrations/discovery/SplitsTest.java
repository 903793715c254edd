package org.systemarena.integrations.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IMf's exclusive-choice split of traces that do not fit the cut; the concurrency split as a multiset projection. */
class SplitsTest {
    private static BitSet set(int... codes) {
        BitSet s = new BitSet();
        for (int c : codes) {
            s.set(c);
        }
        return s;
    }

    @Test
    void choiceSendsATraceToTheGroupHoldingMostOfItsEvents() {
        ImLog.Builder b = new ImLog.Builder();
        // 2 events of {0, 1} (all its activities), 6 of {2..6} (3 of its 5 activities): the larger group wins
        b.add(new int[] {0, 1, 2, 3, 4, 2, 3, 4}, 3);
        List<ImLog> parts = Splits.xor(b.build(), List.of(set(0, 1), set(2, 3, 4, 5, 6)));

        assertThat(parts.get(0).size()).isZero();
        assertThat(parts.get(1).traces).isDeepEqualTo(new int[][] {{2, 3, 4, 2, 3, 4}});
        assertThat(parts.get(1).counts).containsExactly(3);
    }

    @Test
    void onATieTheGroupWhoseActivitiesTheTraceCoversBestWins() {
        ImLog.Builder b = new ImLog.Builder();
        // one event each; it covers 1/2 of {0, 1} and 1/5 of {2..6}
        b.add(new int[] {2, 0}, 1);
        List<ImLog> parts = Splits.xor(b.build(), List.of(set(2, 3, 4, 5, 6), set(0, 1)));

        assertThat(parts.get(0).size()).isZero();
        assertThat(parts.get(1).traces).isDeepEqualTo(new int[][] {{0}});
    }

    @Test
    void concurrencySplitAddsUpTheCasesOfTracesWithTheSameProjection() {
        ImLog.Builder b = new ImLog.Builder();
        b.add(new int[] {0, 1}, 5);
        b.add(new int[] {1, 0}, 3);
        b.add(new int[] {1}, 1);
        b.add(new int[] {1, 1}, 1);
        List<ImLog> parts = Splits.parallel(b.build(), List.of(set(0), set(1)));

        // 8 cases with 0, 2 without (PM4Py 2.7.14 keeps the last count per projected trace: 3 and 1)
        assertThat(parts.get(0).traces).isDeepEqualTo(new int[][] {{0}, {}});
        assertThat(parts.get(0).counts).containsExactly(8, 2);
        assertThat(parts.get(1).traces).isDeepEqualTo(new int[][] {{1}, {1, 1}});
        assertThat(parts.get(1).counts).containsExactly(9, 1);
    }
}
