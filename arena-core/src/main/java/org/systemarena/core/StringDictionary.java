package org.systemarena.core;

import java.util.Arrays;
import java.util.List;

/**
 * Dictionary encoding for a string column: each distinct string gets a dense int code, {@link #NULL} stands for null.
 * Frozen dictionaries (those inside an {@link EventLog}) are read-only.
 *
 * <p>The lookup from string to code is an open-addressing table (linear probing) rather than a
 * {@code HashMap<String, Integer>}: a log's dictionaries hold hundreds of thousands of ids, and a map would add a
 * node and a boxed code per id, objects the garbage collector copies and scans for as long as the log lives. Each
 * slot packs the string's hash with its code, so a probe past a different string is decided in the table itself:
 * with hundreds of thousands of ids, reaching the string (code, array, object, bytes) is several cache misses.
 */
public final class StringDictionary {
    public static final int NULL = -1;
    private static final long EMPTY = -1L;

    private String[] values;
    private int size;
    /** Slots: {@link #EMPTY}, or the string's hash in the high half and its code in the low half. */
    private long[] table;
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
            place(values[i], i);
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
        int hash = value.hashCode();
        int slot = probe(value, hash);
        long entry = table[slot];
        if (entry != EMPTY) {
            return (int) entry;
        }
        if (frozen) {
            throw new IllegalStateException("dictionary is frozen");
        }
        return add(value, hash, slot);
    }

    private int add(String value, int hash, int slot) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        table[slot] = entry(hash, size);
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
        long entry = table[probe(value, value.hashCode())];
        return entry == EMPTY ? NULL : (int) entry;
    }

    /** The slot that holds this string, or the empty slot that ends its probe path. */
    private int probe(String value, int hash) {
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == EMPTY) {
                return slot;
            }
            if ((int) (entry >>> 32) == hash) {
                String v = values[(int) entry];
                if (v == value || v.equals(value)) {
                    return slot;
                }
            }
        }
    }

    /**
     * Interns every value of {@code other} in its code order and returns the codes they have here, by their codes
     * there: the dictionary of a log read in parts, merged in order, is the one read in one go.
     */
    int[] internAll(StringDictionary other) {
        if (frozen) {
            throw new IllegalStateException("dictionary is frozen");
        }
        int most = size + other.size; // when none of other's strings is here yet
        if (most > values.length) {
            values = Arrays.copyOf(values, most);
        }
        if (tableSizeFor(most) > table.length) {
            rehash(tableSizeFor(most)); // once, not doubling step by step (freeze trims an oversized table)
        }
        int[] map = new int[other.size];
        for (int c = 0; c < other.size; c++) {
            map[c] = intern(other.values[c]);
        }
        return map;
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
        long bytes = 32 + 4L * values.length + 8L * table.length;
        for (int i = 0; i < size; i++) {
            bytes += 40 + values[i].length(); // string object and its bytes
        }
        return bytes;
    }

    /** Moves the entries to a table of this size, by the hashes they carry: no string is read. */
    private void rehash(int capacity) {
        long[] old = table;
        table = emptyTable(capacity);
        for (long entry : old) {
            if (entry != EMPTY) {
                place(entry);
            }
        }
    }

    /** Puts a string known not to be in the table into the first empty slot on its probe path. */
    private void place(String value, int code) {
        place(entry(value.hashCode(), code));
    }

    /** Puts an entry whose string is not in the table into the first empty slot on its hash's probe path. */
    private void place(long entry) {
        int mask = table.length - 1;
        int slot = spread((int) (entry >>> 32)) & mask;
        while (table[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }

    private static long entry(int hash, int code) {
        return ((long) hash << 32) | (code & 0xFFFF_FFFFL);
    }

    /** A table size (power of two) that keeps the load at most one half. */
    private static int tableSizeFor(int entries) {
        int n = 32;
        while (n < 2 * entries + 2) {
            n <<= 1;
        }
        return n;
    }

    private static long[] emptyTable(int capacity) {
        long[] t = new long[capacity];
        Arrays.fill(t, EMPTY);
        return t;
    }

    private static int spread(int h) {
        // String hashes of similar ids ("lead-000001", "lead-000002") differ in low bits only; mix the high bits in.
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
