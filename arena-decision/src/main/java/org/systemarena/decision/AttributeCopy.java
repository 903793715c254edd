package org.systemarena.decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.ValueKind;

/**
 * A private copy of some rows of an {@link AttributeTable}: keys and string values resolved to their strings so that
 * nothing refers back to the log's dictionaries (which also hold later values). Row {@code i} owns entries
 * {@code [i == 0 ? 0 : ends[i - 1], ends[i])}; storing ends rather than starts keeps the row array exactly as long as
 * the copied segment. Entry {@code e} is {@code text[2e]} (key), {@code text[2e + 1]} (string value or null),
 * {@code bits[2e]} (value kind) and {@code bits[2e + 1]} (raw value): three arrays rather than five, because retained
 * snapshots are mostly small arrays and the garbage collector pays per object.
 */
final class AttributeCopy {
    private final int[] ends;
    private final String[] text;
    private final long[] bits;

    private AttributeCopy(int[] ends, String[] text, long[] bits) {
        this.ends = ends;
        this.text = text;
        this.bits = bits;
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
        String[] text = new String[2 * total];
        long[] bits = new long[2 * total];
        byte stringKind = ValueKind.STRING.code();
        for (int i = 0; i < n; i++) {
            ends[i] = table.end(from + i) - first;
        }
        for (int e = 0; e < total; e++) {
            int entry = first + e;
            byte kind = table.kindCode(entry);
            long raw = table.rawValue(entry);
            text[2 * e] = table.key(entry);
            bits[2 * e] = kind;
            bits[2 * e + 1] = raw;
            if (kind == stringKind) {
                text[2 * e + 1] = table.strings().value((int) raw);
            }
        }
        return new AttributeCopy(ends, text, bits);
    }

    Map<String, Object> map(int row) {
        int s = start(row);
        int e = end(row);
        if (s == e) {
            return Map.of();
        }
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = s; i < e; i++) {
            m.put(key(i), value(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The entry of {@code key} on a row, or -1. */
    int find(int row, String key) {
        for (int i = start(row), e = end(row); i < e; i++) {
            if (text[2 * i].equals(key)) {
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
        return text[2 * entry];
    }

    Object value(int entry) {
        long r = bits[2 * entry + 1];
        return ValueKind.ofCode((byte) bits[2 * entry]).decode(r, text[2 * entry + 1]);
    }
}
