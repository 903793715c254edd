package org.systemarena.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary encoding for a string column: each distinct string gets a dense int code, {@link #NULL} stands for null.
 * Frozen dictionaries (those inside an {@link EventLog}) are read-only.
 */
public final class StringDictionary {
    public static final int NULL = -1;

    private final Map<String, Integer> codes;
    private String[] values;
    private int size;
    private boolean frozen;

    public StringDictionary() {
        this.codes = new HashMap<>();
        this.values = new String[16];
    }

    private StringDictionary(String[] values, int size) {
        this.values = values;
        this.size = size;
        this.codes = new HashMap<>(Math.max(16, size * 2));
        for (int i = 0; i < size; i++) {
            codes.put(values[i], i);
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
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        if (frozen) {
            throw new IllegalStateException("dictionary is frozen");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        codes.put(value, size);
        return size++;
    }

    /** The code of a string, or {@link #NULL} when the dictionary does not hold it. */
    public int code(String value) {
        if (value == null) {
            return NULL;
        }
        Integer code = codes.get(value);
        return code == null ? NULL : code;
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
        long bytes = 16 + 16L * values.length;
        for (int i = 0; i < size; i++) {
            bytes += 40 + values[i].length() + 48; // string object + hash map entry
        }
        return bytes;
    }
}
