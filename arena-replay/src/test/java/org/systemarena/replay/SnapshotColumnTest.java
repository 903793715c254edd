package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.systemarena.replay.SnapshotColumn.Kind;

class SnapshotColumnTest {
    private static List<Object> values(SnapshotColumn c) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.value(i));
        }
        return out;
    }

    private static SnapshotColumn of(Object... values) {
        SnapshotColumn c = new SnapshotColumn();
        for (Object v : values) {
            c.add(v);
        }
        return c;
    }

    @Test
    void keepsEachKindAndNulls() {
        List<Object> in = Arrays.asList(null, 3, null, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(values(of(in.toArray()))).isEqualTo(in);
        assertThat(of(in.toArray()).kind()).isEqualTo(Kind.NUMBER);
        assertThat(values(of(1L, null, 2L))).containsExactly(1L, null, 2L);
        assertThat(values(of(0.5, -0.0, null, Double.NaN))).containsExactly(0.5, -0.0, null, Double.NaN);
        assertThat(values(of("open", null, "won", "open"))).containsExactly("open", null, "won", "open");
        assertThat(values(of(true, null, false))).containsExactly(true, null, false);
        assertThat(values(of(null, null))).containsExactly(null, null);
        assertThat(of(null, null).kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void numbersOfDifferentTypesStayNumbersWithTheirOwnType() {
        SnapshotColumn c = of(null, 2L, 2.5, 7, null, -1L);
        assertThat(c.kind()).isEqualTo(Kind.NUMBER);
        assertThat(values(c)).containsExactly(null, 2L, 2.5, 7, null, -1L);
        assertThat(c.value(1)).isInstanceOf(Long.class);
        assertThat(c.value(3)).isInstanceOf(Integer.class);
        assertThat(c.number(0)).isNaN();
        assertThat(c.number(1)).isEqualTo(2.0);
        assertThat(c.number(2)).isEqualTo(2.5);
        assertThat(c.number(3)).isEqualTo(7.0);
        SnapshotColumn firstDouble = of(null, 0.25, 3L);
        assertThat(values(firstDouble)).containsExactly(null, 0.25, 3L);
    }

    @Test
    void typedReads() {
        SnapshotColumn text = of("b", null, "a", "b");
        assertThat(text.kind()).isEqualTo(Kind.TEXT);
        assertThat(text.textCount()).isEqualTo(2);
        assertThat(text.textCode(0)).isEqualTo(0);
        assertThat(text.textCode(1)).isEqualTo(-1);
        assertThat(text.textCode(2)).isEqualTo(1);
        assertThat(text.textCode(3)).isEqualTo(0);
        assertThat(text.text(1)).isEqualTo("a");
        assertThat(text.number(0)).isNaN();
        assertThat(text.isNull(1)).isTrue();
        assertThatThrownBy(() -> text.text(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> text.value(4)).isInstanceOf(IndexOutOfBoundsException.class);

        SnapshotColumn bools = of(true, false, null);
        assertThat(bools.kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(bools.number(0)).isEqualTo(1.0);
        assertThat(bools.number(1)).isEqualTo(0.0);
        assertThat(bools.number(2)).isNaN();
        assertThatThrownBy(() -> bools.textCode(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("column holds BOOLEAN values, not TEXT");

        assertThat(of(null, null).textCode(1)).isEqualTo(-1);
    }

    @Test
    void fallsBackToObjectsWhenTheKindChanges() {
        assertThat(values(of(1L, null, 2.5, "x", true))).containsExactly(1L, null, 2.5, "x", true);
        assertThat(of(1L, "x").kind()).isEqualTo(Kind.OTHER);
        assertThat(values(of(true, 1))).containsExactly(true, 1);
        assertThat(values(of(null, List.of(1)))).containsExactly(null, List.of(1));
        Instant t = Instant.parse("2024-05-01T00:00:00Z");
        SnapshotColumn instants = of(t, null);
        assertThat(instants.kind()).isEqualTo(Kind.OTHER);
        assertThat(instants.number(0)).isNaN();
        SnapshotColumn mixed = of("x", 4L, false);
        assertThat(mixed.number(0)).isNaN();
        assertThat(mixed.number(1)).isEqualTo(4.0);
        assertThat(mixed.number(2)).isEqualTo(0.0);
        assertThat(mixed.textCount()).isZero();
    }

    @Test
    void appendsColumnsOfTheSameOrOtherKinds() {
        SnapshotColumn a = of("b", "a", null);
        a.addAll(of("c", "a", "b"));
        assertThat(values(a)).containsExactly("b", "a", null, "c", "a", "b");
        assertThat(a.textCode(3)).isEqualTo(2);
        SnapshotColumn empty = new SnapshotColumn();
        empty.addAll(of(null, null));
        empty.addAll(of(2L));
        empty.addAll(of((Object) null));
        assertThat(values(empty)).containsExactly(null, null, 2L, null);
        SnapshotColumn mixed = of(1L);
        mixed.addAll(of(1.5));
        mixed.addAll(of("z"));
        assertThat(values(mixed)).containsExactly(1L, 1.5, "z");
        SnapshotColumn truncated = of(1, 2, 3);
        truncated.truncate(2);
        truncated.add(9);
        assertThat(values(truncated)).containsExactly(1, 2, 9);
        SnapshotColumn cutBeforeText = of(1L, 2L, "x");
        cutBeforeText.truncate(2);
        assertThat(cutBeforeText.kind()).isEqualTo(Kind.NUMBER);
        SnapshotColumn cutCodes = of("a", "b", "c");
        cutCodes.truncate(1);
        assertThat(cutCodes.textCount()).isEqualTo(1);
    }

    @Test
    void aFrozenColumnReadsTheSameInNarrowerArraysAndTakesNoMoreRows() {
        List<Object> in = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            in.add(i % 7 == 0 ? null : "t" + (i % 300));
        }
        SnapshotColumn medium = of(in.toArray());
        medium.freeze();
        assertThat(values(medium)).isEqualTo(in);
        assertThat(medium.textCount()).isEqualTo(300);
        assertThat(medium.text(medium.textCode(1))).isEqualTo("t1");
        SnapshotColumn small = of("a", null, "b", "a");
        small.freeze();
        assertThat(small.textCode(3)).isEqualTo(0);
        assertThat(values(small)).containsExactly("a", null, "b", "a");
        SnapshotColumn ints = of(1L, null, -5L, (long) Integer.MAX_VALUE);
        ints.freeze();
        assertThat(values(ints)).containsExactly(1L, null, -5L, (long) Integer.MAX_VALUE);
        assertThat(ints.number(2)).isEqualTo(-5.0);
        SnapshotColumn longs = of(1L, 1L << 40);
        longs.freeze();
        assertThat(values(longs)).containsExactly(1L, 1L << 40);
        SnapshotColumn doubles = of(0.5, 2L);
        doubles.freeze();
        assertThat(values(doubles)).containsExactly(0.5, 2L);
        assertThatThrownBy(() -> small.add("c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ints.addNull()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SnapshotColumn().addAll(small)).isInstanceOf(IllegalStateException.class);
    }

    /** Any split into chunks gives the column that adding every value in order gives. */
    @Test
    void chunkedAppendsEqualOneColumn() {
        Random random = new Random(3);
        Object[] pool = {null, 1L, -4L, 2.5, 7, "a", "b", "c", true, false, Instant.EPOCH};
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(300);
            // mostly one kind per round, sometimes a stray one
            int kindStart = 1 + 2 * random.nextInt(5);
            List<Object> in = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                in.add(random.nextInt(10) == 0 ? pool[random.nextInt(pool.length)]
                        : pool[Math.min(pool.length - 1, kindStart + random.nextInt(2))]);
            }
            SnapshotColumn whole = of(in.toArray());
            if (random.nextBoolean()) {
                whole.freeze();
            }
            SnapshotColumn joined = new SnapshotColumn(random.nextInt(40));
            for (int from = 0; from < n; ) {
                int to = Math.min(n, from + 1 + random.nextInt(70));
                joined.addAll(of(in.subList(from, to).toArray()));
                from = to;
            }
            assertThat(values(joined)).isEqualTo(in);
            assertThat(joined.kind()).isEqualTo(whole.kind());
            assertThat(joined.textCount()).isEqualTo(whole.textCount());
            for (int i = 0; i < n; i++) {
                assertThat(joined.isNull(i)).isEqualTo(in.get(i) == null);
                assertThat(Double.doubleToLongBits(joined.number(i))).isEqualTo(
                        Double.doubleToLongBits(whole.number(i)));
                if (whole.kind() == Kind.TEXT) {
                    assertThat(joined.textCode(i)).isEqualTo(whole.textCode(i));
                }
            }
        }
    }
}
