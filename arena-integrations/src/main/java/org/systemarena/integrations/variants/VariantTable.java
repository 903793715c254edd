package org.systemarena.integrations.variants;

import java.util.Arrays;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;

/**
 * The distinct activity sequences met so far, found from a case's rows without copying them: an open-addressing
 * table of variant numbers keyed by the sequence's hash, each variant's codes stored once. Events without an
 * activity are not part of a sequence.
 */
final class VariantTable {
    private int[] slots = new int[64]; // variant + 1, 0 for empty
    private int[] hashes = new int[16];
    private int[][] traces = new int[16][];
    private int size;
    private boolean lastNew;

    /** The variant of the case whose rows are {@code [start, end)}, added when new ({@link #isNew}). */
    int find(EventLog log, int start, int end) {
        int hash = 1;
        int length = 0;
        for (int r = start; r < end; r++) {
            int code = log.activityCode(r);
            if (code != StringDictionary.NULL) {
                hash = 31 * hash + code;
                length++;
            }
        }
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int v = slots[i] - 1;
            if (v < 0) {
                v = add(hash, copy(log, start, end, length));
                lastNew = true;
                return v;
            }
            if (hashes[v] == hash && same(traces[v], log, start, end, length)) {
                lastNew = false;
                return v;
            }
        }
    }

    /** Whether the last {@link #find} added its variant. */
    boolean isNew() {
        return lastNew;
    }

    int size() {
        return size;
    }

    int[] trace(int variant) {
        return traces[variant];
    }

    private int add(int hash, int[] trace) {
        if (size == traces.length) {
            traces = Arrays.copyOf(traces, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        traces[size] = trace;
        hashes[size] = hash;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        } else {
            place(size - 1);
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int v = 0; v < size; v++) {
            place(v);
        }
    }

    private void place(int v) {
        int mask = slots.length - 1;
        int i = mix(hashes[v]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = v + 1;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int[] copy(EventLog log, int start, int end, int length) {
        int[] out = new int[length];
        int n = 0;
        for (int r = start; r < end; r++) {
            int code = log.activityCode(r);
            if (code != StringDictionary.NULL) {
                out[n++] = code;
            }
        }
        return out;
    }

    private static boolean same(int[] trace, EventLog log, int start, int end, int length) {
        if (trace.length != length) {
            return false;
        }
        int n = 0;
        for (int r = start; r < end; r++) {
            int code = log.activityCode(r);
            if (code != StringDictionary.NULL && trace[n++] != code) {
                return false;
            }
        }
        return true;
    }
}
