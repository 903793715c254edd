package org.systemarena.decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;

/**
 * A private copy of some rows of an {@link AttributeTable}: the same raw layout, but string values and keys are
 * resolved to their strings so that nothing refers back to the log's dictionaries (which also hold later values).
 * Row {@code i} owns entries {@code [i == 0 ? 0 : ends[i - 1], ends[i])}; storing ends rather than starts keeps the
 * row array exactly as long as the copied segment.
 */
final class AttributeCopy {
    private final int[] ends;
    private final String[] keys;
    private final byte[] kinds;
    private final long[] raw;
    private final String[] strings; // non-null only for STRING entries

    private AttributeCopy(int[] ends, String[] keys, byte[] kinds, long[] raw, String[] strings) {
        this.ends = ends;
        this.keys = keys;
        this.kinds = kinds;
        this.raw = raw;
        this.strings = strings;
    }

    /** Rows {@code [from, to)} of a table, or null when none of them has an entry. */
    static AttributeCopy of(AttributeTable table, int from, int to) {
        int first = table.start(from);
        int total = table.end(to - 1) - first;
        if (total == 0) {
            return null;
        }
        int n = to - from;
        int[] ends = new int[n];
        String[] keys = new String[total];
        byte[] kinds = new byte[total];
        long[] raw = new long[total];
        String[] strings = new String[total];
        byte stringKind = ValueKind.STRING.code();
        for (int i = 0; i < n; i++) {
            ends[i] = table.end(from + i) - first;
        }
        for (int e = 0; e < total; e++) {
            int entry = first + e;
            keys[e] = table.key(entry);
            kinds[e] = table.kindCode(entry);
            raw[e] = table.rawValue(entry);
            if (kinds[e] == stringKind) {
                strings[e] = table.strings().value((int) raw[e]);
            }
        }
        return new AttributeCopy(ends, keys, kinds, raw, strings);
    }

    Map<String, Object> map(int row) {
        int s = row == 0 ? 0 : ends[row - 1];
        int e = ends[row];
        if (s == e) {
            return Map.of();
        }
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = s; i < e; i++) {
            m.put(keys[i], value(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The entry of {@code key} on a row, or -1. */
    int find(int row, String key) {
        for (int i = row == 0 ? 0 : ends[row - 1], e = ends[row]; i < e; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    int end(int row) {
        return ends[row];
    }

    String key(int entry) {
        return keys[entry];
    }

    Object value(int entry) {
        long r = raw[entry];
        switch (ValueKind.ofCode(kinds[entry])) {
            case NULL:
                return null;
            case STRING:
                return strings[entry];
            case LONG:
                return r;
            case DOUBLE:
                return Double.longBitsToDouble(r);
            case BOOLEAN:
                return r != 0;
            case INSTANT:
                return Timestamps.fromMicros(r);
            default:
                throw new IllegalStateException();
        }
    }
}
