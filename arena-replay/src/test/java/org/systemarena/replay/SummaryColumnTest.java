package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryColumnTest {
    private static List<Object> values(SummaryColumn c) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.get(i));
        }
        return out;
    }

    private static SummaryColumn of(Object... values) {
        SummaryColumn c = new SummaryColumn();
        for (Object v : values) {
            c.add(v);
        }
        return c;
    }

    @Test
    void keepsEachKindAndNulls() {
        List<Object> in = Arrays.asList(null, 3, null, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(values(of(in.toArray()))).isEqualTo(in);
        assertThat(values(of(1L, null, 2L))).containsExactly(1L, null, 2L);
        assertThat(values(of(0.5, -0.0, null, Double.NaN))).containsExactly(0.5, -0.0, null, Double.NaN);
        assertThat(values(of("open", null, "won", "open"))).containsExactly("open", null, "won", "open");
        assertThat(values(of(null, null))).containsExactly(null, null);
    }

    @Test
    void fallsBackToObjectsWhenTheKindChanges() {
        assertThat(values(of(1L, null, 2.5, "x", true))).containsExactly(1L, null, 2.5, "x", true);
        assertThat(values(of(true, 1))).containsExactly(true, 1);
        assertThat(values(of(null, List.of(1)))).containsExactly(null, List.of(1));
    }

    @Test
    void appendsColumnsOfTheSameOrOtherKinds() {
        SummaryColumn a = of("b", "a", null);
        a.addAll(of("c", "a", "b"));
        assertThat(values(a)).containsExactly("b", "a", null, "c", "a", "b");
        SummaryColumn empty = new SummaryColumn();
        empty.addAll(of(null, null));
        empty.addAll(of(2L));
        empty.addAll(of((Object) null));
        assertThat(values(empty)).containsExactly(null, null, 2L, null);
        SummaryColumn mixed = of(1L);
        mixed.addAll(of(1.5));
        mixed.addAll(of("z"));
        assertThat(values(mixed)).containsExactly(1L, 1.5, "z");
        SummaryColumn truncated = of(1, 2, 3);
        truncated.truncate(2);
        truncated.add(9);
        assertThat(values(truncated)).containsExactly(1, 2, 9);
    }
}
