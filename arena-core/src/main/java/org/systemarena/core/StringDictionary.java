package org.systemarena.core;

import java.util.Arrays;
import java.util.List;

/**
 * Dictionary encoding for a string column: each distinct string gets a dense int code, {@link #NULL} stands for null.
 * Frozen dictionaries (those inside an {@link EventLog}) are read-only.
 *
 * <p>The lookup from string to code is an open-addressing table of int codes (linear probing on the strings' cached
 * hash codes) rather than a {@code HashMap<String, Integer>}: a log's dictionaries hold hundreds of thousands of
 * ids, and a map would add a node and a boxed code per id, objects the garbage collector copies and scans for as
 * long as the log lives.
 */
public final class StringDictionary {
    public static final int NULL = -1;

    private String[] values;
    private int size;
    private int[] table;
    private boolean frozen;

    public StringDictionary() {
        this.values = new String[16];
        this.table = emptyTable(32);
    }

    private StringDictionary(String[] values, int size) {
        this.values = values;
        this.size = size;
        this.table = emptyTable(tableSizeFor(size));
        for (int i = 0; i < size; i++) {
            table[free(values[i])] = i;
        }
        this.frozen = true;
    }

    public static StringDictionary of(List<String> values) {
        StringDictionary d = new StringDictionary();
        values.forEach(d::intern);
        return d.freeze();
    }

    /** The code of a string, adding it when new; null gives {@link #NULL}. */
    public int intern(String value) {
        if (value == null) {
            return NULL;
        }
        int mask = table.length - 1;
        for (int slot = spread(value.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int code = table[slot];
            if (code == NULL) {
                if (frozen) {
                    throw new IllegalStateException("dictionary is frozen");
                }
                return add(value, slot);
            }
            String v = values[code];
            if (v == value || v.equals(value)) {
                return code;
            }
        }
    }

    private int add(String value, int slot) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        return size - 1;
    }

    /** The code of a string, or {@link #NULL} when the dictionary does not hold it. */
    public int code(String value) {
        if (value == null) {
            return NULL;
        }
        int mask = table.length - 1;
        for (int slot = spread(value.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int code = table[slot];
            if (code == NULL) {
                return NULL;
            }
            String v = values[code];
            if (v == value || v.equals(value)) {
                return code;
            }
        }
    }

    public String value(int code) {
        return code == NULL ? null : values[code];
    }

    public int size() {
        return size;
    }

    public List<String> values() {
        return List.of(Arrays.copyOf(values, size));
    }

    /** Makes this dictionary read-only and trims its storage; returns this. */
    public StringDictionary freeze() {
        if (!frozen) {
            values = Arrays.copyOf(values, size);
            if (table.length > tableSizeFor(size)) {
                rehash(tableSizeFor(size));
            }
            frozen = true;
        }
        return this;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** A mutable copy, for building a derived log that shares codes with this one. */
    public StringDictionary mutableCopy() {
        StringDictionary copy = new StringDictionary(Arrays.copyOf(values, Math.max(16, size)), size);
        copy.frozen = false;
        return copy;
    }

    long estimatedBytes() {
        long bytes = 32 + 4L * values.length + 4L * table.length;
        for (int i = 0; i < size; i++) {
            bytes += 40 + values[i].length(); // string object and its bytes
        }
        return bytes;
    }

    private void rehash(int capacity) {
        table = emptyTable(capacity);
        for (int i = 0; i < size; i++) {
            table[free(values[i])] = i;
        }
    }

    /** The first empty slot on the probe path of a string known not to be in the table. */
    private int free(String value) {
        int mask = table.length - 1;
        int slot = spread(value.hashCode()) & mask;
        while (table[slot] != NULL) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** A table size (power of two) that keeps the load at most one half. */
    private static int tableSizeFor(int entries) {
        int n = 32;
        while (n < 2 * entries + 2) {
            n <<= 1;
        }
        return n;
    }

    private static int[] emptyTable(int capacity) {
        int[] t = new int[capacity];
        Arrays.fill(t, NULL);
        return t;
    }

    private static int spread(int h) {
        // String hashes of similar ids ("lead-000001", "lead-000002") differ in low bits only; mix the high bits in.
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
