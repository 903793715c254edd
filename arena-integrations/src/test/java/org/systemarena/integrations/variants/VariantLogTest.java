package org.systemarena.integrations.variants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.integrations.variants.VariantLog.Variant;

/** Variant numbering, counts and each case's variant, on logs worked by hand and against a plain recount. */
class VariantLogTest {
    private static final long H = 3_600_000_000L;

    @Test
    void variantsAreNumberedByFirstAppearanceInCaseIdOrderNotTimeOrder() {
        EventLogBuilder b = EventLog.builder();
        // Case index order is time order: z (a,b), m (a,c), b (a,b), k (a,c), a (c).
        add(b, "z", 0, "a", "b");
        add(b, "m", 1, "a", "c");
        add(b, "b", 2, "a", "b");
        add(b, "k", 3, "a", "c");
        add(b, "a", 4, "c");
        EventLog log = b.build();
        VariantLog v = VariantLog.of(log);
        // Case-id order a, b, k, m, z: (c) first, then (a,b), then (a,c).
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.activities(0)).containsExactly("c");
        assertThat(v.activities(1)).containsExactly("a", "b");
        assertThat(v.activities(2)).containsExactly("a", "c");
        assertThat(List.of(v.count(0), v.count(1), v.count(2))).containsExactly(1L, 2L, 2L);
        assertThat(List.of("z", "m", "b", "k", "a")).extracting(id -> v.variantOfCase(log.caseIndex(id)))
                .containsExactly(1, 2, 1, 2, 0);
        // Most frequent first, ties in first-appearance order.
        assertThat(v.variants()).containsExactly(new Variant(List.of("a", "b"), 2), new Variant(List.of("a", "c"), 2),
                new Variant(List.of("c"), 1));
    }

    @Test
    void manyVariantsAgreeWithARecountBySequence() {
        SplittableRandom random = new SplittableRandom(7);
        EventLogBuilder b = EventLog.builder();
        String[] names = {"a", "b", "c", "d"};
        java.util.Map<String, List<String>> sequenceOfCase = new java.util.TreeMap<>();
        for (int c = 0; c < 5_000; c++) {
            String id = "case-" + random.nextInt(1_000_000) + "-" + c;
            int n = 1 + random.nextInt(6);
            String[] acts = new String[n];
            for (int i = 0; i < n; i++) {
                acts[i] = names[random.nextInt(names.length)];
            }
            add(b, id, c, acts);
            sequenceOfCase.put(id, List.of(acts));
        }
        EventLog log = b.build();
        VariantLog v = VariantLog.of(log);
        // The recount: sequences numbered as they first appear in case-id order (the TreeMap's order).
        java.util.Map<List<String>, Integer> number = new java.util.LinkedHashMap<>();
        java.util.Map<List<String>, Long> count = new java.util.HashMap<>();
        sequenceOfCase.forEach((id, seq) -> {
            number.putIfAbsent(seq, number.size());
            count.merge(seq, 1L, Long::sum);
        });
        assertThat(v.size()).isEqualTo(number.size()).isGreaterThan(1_000);
        number.forEach((seq, k) -> {
            assertThat(v.activities(k)).isEqualTo(seq);
            assertThat(v.count(k)).isEqualTo(count.get(seq));
        });
        sequenceOfCase.forEach((id, seq) -> assertThat(v.variantOfCase(log.caseIndex(id))).isEqualTo(number.get(seq)));
    }

    private static void add(EventLogBuilder b, String caseId, int hour, String... activities) {
        for (int i = 0; i < activities.length; i++) {
            b.startEvent(caseId, hour * H + i).eventType("step").activity(activities[i]);
        }
    }
}
