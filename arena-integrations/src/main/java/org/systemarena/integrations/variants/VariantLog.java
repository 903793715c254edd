package org.systemarena.integrations.variants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
        // One pass over the cases in index order: each case's activity codes are hashed and looked up in place (no
        // per-case array or key), and each variant keeps its case with the smallest id. Sorting the variants by that
        // id then gives first-appearance order in case-id order, with one string comparison per case instead of a
        // sort of all case ids.
        int cases = log.caseCount();
        int[] variantOfCase = new int[cases];
        VariantTable table = new VariantTable();
        int[] firstCase = new int[16];
        for (int c = 0; c < cases; c++) {
            int start = log.caseStart(c);
            int end = log.caseEnd(c);
            int v = table.find(log, start, end);
            if (table.isNew()) {
                if (v == firstCase.length) {
                    firstCase = Arrays.copyOf(firstCase, v * 2);
                }
                firstCase[v] = c;
            } else if (log.caseId(c).compareTo(log.caseId(firstCase[v])) < 0) {
                firstCase[v] = c;
            }
            variantOfCase[c] = v;
        }
        int n = table.size();
        Integer[] order = new Integer[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        int[] first = firstCase;
        Arrays.sort(order, Comparator.comparing(v -> log.caseId(first[v])));
        int[] renumber = new int[n];
        int[][] traces = new int[n][];
        long[] counts = new long[n];
        for (int k = 0; k < n; k++) {
            renumber[order[k]] = k;
            traces[k] = table.trace(order[k]);
        }
        for (int c = 0; c < cases; c++) {
            int v = renumber[variantOfCase[c]];
            variantOfCase[c] = v;
            counts[v]++;
        }
        return new VariantLog(log.activityColumn().dictionary(), traces, counts, variantOfCase);
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
}
