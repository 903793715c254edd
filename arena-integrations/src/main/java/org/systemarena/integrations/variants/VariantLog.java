package org.systemarena.integrations.variants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;

/**
 * The distinct activity sequences (variants) of a log with the number of cases following each, as int activity codes
 * of the log's activity dictionary. Variants are numbered in order of first appearance among the cases taken in
 * case-id order (the order PM4Py sees them), so anything computed from them is independent of timestamps ties between
 * cases. Events without an activity are left out of the sequences.
 */
public final class VariantLog {
    private final StringDictionary dictionary;
    private final int[][] traces;
    private final long[] counts;
    private final int[] variantOfCase;

    private VariantLog(StringDictionary dictionary, int[][] traces, long[] counts, int[] variantOfCase) {
        this.dictionary = dictionary;
        this.traces = traces;
        this.counts = counts;
        this.variantOfCase = variantOfCase;
    }

    /** A variant: its activity sequence and the number of cases that follow it. */
    public record Variant(List<String> activities, long count) {
        public Variant {
            activities = List.copyOf(activities);
        }
    }

    public static VariantLog of(EventLog log) {
        int cases = log.caseCount();
        Integer[] byId = new Integer[cases];
        for (int c = 0; c < cases; c++) {
            byId[c] = c;
        }
        Arrays.sort(byId, Comparator.comparing(log::caseId));
        Map<Key, Integer> index = new HashMap<>();
        List<int[]> traces = new ArrayList<>();
        long[] counts = new long[16];
        int[] variantOfCase = new int[cases];
        int[] buffer = new int[64];
        for (int c : byId) {
            int n = 0;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                int code = log.activityCode(r);
                if (code != StringDictionary.NULL) {
                    if (n == buffer.length) {
                        buffer = Arrays.copyOf(buffer, n * 2);
                    }
                    buffer[n++] = code;
                }
            }
            Key key = new Key(Arrays.copyOf(buffer, n));
            Integer v = index.get(key);
            if (v == null) {
                v = traces.size();
                index.put(key, v);
                traces.add(key.codes);
                if (v == counts.length) {
                    counts = Arrays.copyOf(counts, v * 2);
                }
            }
            counts[v]++;
            variantOfCase[c] = v;
        }
        return new VariantLog(log.activityColumn().dictionary(), traces.toArray(new int[0][]),
                Arrays.copyOf(counts, traces.size()), variantOfCase);
    }

    /** Number of distinct variants. */
    public int size() {
        return traces.length;
    }

    /** Number of cases. */
    public int caseCount() {
        return variantOfCase.length;
    }

    public long count(int variant) {
        return counts[variant];
    }

    public int length(int variant) {
        return traces[variant].length;
    }

    /** The activity code at position {@code i} of a variant. */
    public int activityCode(int variant, int i) {
        return traces[variant][i];
    }

    /** The activity codes of a variant (a copy). */
    public int[] codes(int variant) {
        return traces[variant].clone();
    }

    public String activityName(int code) {
        return dictionary.value(code);
    }

    /** Size of the activity code space (codes are {@code 0..activityCodeCount()-1}). */
    public int activityCodeCount() {
        return dictionary.size();
    }

    /** The variant the case with this case index follows. */
    public int variantOfCase(int caseIndex) {
        return variantOfCase[caseIndex];
    }

    public List<String> activities(int variant) {
        int[] t = traces[variant];
        List<String> names = new ArrayList<>(t.length);
        for (int code : t) {
            names.add(dictionary.value(code));
        }
        return List.copyOf(names);
    }

    /** Variants, most frequent first; equal counts keep their first-appearance order. */
    public List<Variant> variants() {
        Integer[] order = new Integer[traces.length];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]));
        List<Variant> list = new ArrayList<>(order.length);
        for (int v : order) {
            list.add(new Variant(activities(v), counts[v]));
        }
        return List.copyOf(list);
    }

    private record Key(int[] codes, int hash) {
        Key(int[] codes) {
            this(codes, Arrays.hashCode(codes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.codes, codes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
