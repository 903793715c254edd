package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {

    @Test
    void codesAreDenseInFirstSeenOrderAndAgreeWithAMap() {
        SplittableRandom random = new SplittableRandom(5);
        StringDictionary d = new StringDictionary();
        Map<String, Integer> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            // Many repeats, ids that differ in the last digits only, and new String instances for old values.
            String s = random.nextInt(4) == 0 ? "lead-" + random.nextInt(50_000) : new String("v" + random.nextInt(300));
            Integer want = expected.get(s);
            if (want == null) {
                want = order.size();
                expected.put(s, want);
                order.add(s);
            }
            assertThat(d.intern(s)).isEqualTo(want);
        }
        assertThat(d.size()).isEqualTo(order.size());
        assertThat(d.values()).isEqualTo(order);
        d.freeze();
        for (int c = 0; c < order.size(); c++) {
            assertThat(d.code(new String(order.get(c)))).isEqualTo(c);
            assertThat(d.value(c)).isEqualTo(order.get(c));
        }
        assertThat(d.code("never-seen")).isEqualTo(StringDictionary.NULL);
    }

    @Test
    void equalHashCodesStillGetTheirOwnCodes() {
        // "Aa" and "BB" (and their concatenations) share String.hashCode().
        StringDictionary d = new StringDictionary();
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB");
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(d.intern(colliding.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(d.code(colliding.get(i))).isEqualTo(i);
        }
        // Thousands of strings with one hash code, through several table growths and a freeze.
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            StringBuilder s = new StringBuilder();
            for (int bit = 0; bit < 12; bit++) {
                s.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            same.add(s.toString());
        }
        assertThat(same.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        for (String s : same) {
            d.intern(s);
        }
        d.freeze();
        for (int i = 0; i < same.size(); i++) {
            assertThat(d.code(new String(same.get(i)))).isEqualTo(colliding.size() + i);
        }
        assertThat(d.code("AaAaAaAaAaAaAaAaAaAaAaAb")).isEqualTo(StringDictionary.NULL);
    }

    @Test
    void nullsFrozenDictionariesAndCopies() {
        StringDictionary d = StringDictionary.of(List.of("a", "b"));
        assertThat(d.intern(null)).isEqualTo(StringDictionary.NULL);
        assertThat(d.value(StringDictionary.NULL)).isNull();
        assertThat(d.intern("b")).isEqualTo(1);
        assertThatThrownBy(() -> d.intern("c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("dictionary is frozen");
        StringDictionary copy = d.mutableCopy();
        assertThat(copy.intern("c")).isEqualTo(2);
        assertThat(copy.code("a")).isZero();
        assertThat(d.size()).isEqualTo(2);
    }
}
