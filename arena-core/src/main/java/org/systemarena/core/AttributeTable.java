package org.systemarena.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key/value attributes of every event, in compressed-sparse-row layout: event {@code row} owns entries
 * {@code [start(row), end(row))} of the parallel arrays {@code keys}, {@code kinds} and {@code values}. A value is
 * stored as raw bits: a string code into {@link #strings()}, a long, a double's bits, 0/1, or epoch microseconds.
 * No object is created per event until a caller asks for one.
 */
public final class AttributeTable {
    static final AttributeTable EMPTY = new AttributeTable(null, new int[0], new byte[0], new long[0],
            new StringDictionary().freeze(), new StringDictionary().freeze());

    private final int[] start; // null: no event has an attribute
    private final int[] keys;
    private final byte[] kinds;
    private final long[] values;
    private final StringDictionary keyDictionary;
    private final StringDictionary strings;

    AttributeTable(int[] start, int[] keys, byte[] kinds, long[] values, StringDictionary keyDictionary,
                   StringDictionary strings) {
        this.start = start;
        this.keys = keys;
        this.kinds = kinds;
        this.values = values;
        this.keyDictionary = keyDictionary;
        this.strings = strings;
    }

    public int start(int row) {
        return start == null ? 0 : start[row];
    }

    public int end(int row) {
        return start == null ? 0 : start[row + 1];
    }

    public int keyCode(int entry) {
        return keys[entry];
    }

    public String key(int entry) {
        return keyDictionary.value(keys[entry]);
    }

    public ValueKind kind(int entry) {
        return ValueKind.ofCode(kinds[entry]);
    }

    public byte kindCode(int entry) {
        return kinds[entry];
    }

    public long rawValue(int entry) {
        return values[entry];
    }

    /** The entry's value as an object ({@link Values} types). */
    public Object value(int entry) {
        long raw = values[entry];
        ValueKind kind = ValueKind.ofCode(kinds[entry]);
        return kind.decode(raw, kind == ValueKind.STRING ? strings.value((int) raw) : null);
    }

    /** The entry index of {@code keyCode} on {@code row}, or -1. */
    public int find(int row, int keyCode) {
        for (int e = start(row), end = end(row); e < end; e++) {
            if (keys[e] == keyCode) {
                return e;
            }
        }
        return -1;
    }

    /** The value for a key on a row; null when absent or null (use {@link #find} to tell them apart). */
    public Object get(int row, String key) {
        int code = keyDictionary.code(key);
        if (code == StringDictionary.NULL) {
            return null;
        }
        int e = find(row, code);
        return e < 0 ? null : value(e);
    }

    public Map<String, Object> map(int row) {
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

    public StringDictionary keyDictionary() {
        return keyDictionary;
    }

    public StringDictionary strings() {
        return strings;
    }

    public int entryCount() {
        return keys.length;
    }

    boolean isEmpty() {
        return start == null;
    }

    long estimatedBytes() {
        return (start == null ? 0 : 4L * start.length) + 13L * keys.length;
    }

    /** The rows {@code rows} (in that order) as a new table sharing this table's dictionaries. */
    AttributeTable select(int[] rows, int count) {
        if (start == null) {
            return this;
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += start[rows[i] + 1] - start[rows[i]];
        }
        if (total == 0) {
            return new AttributeTable(null, new int[0], new byte[0], new long[0], keyDictionary, strings);
        }
        int[] newStart = new int[count + 1];
        int[] newKeys = new int[total];
        byte[] newKinds = new byte[total];
        long[] newValues = new long[total];
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int s = start[rows[i]];
            int len = start[rows[i] + 1] - s;
            System.arraycopy(keys, s, newKeys, pos, len);
            System.arraycopy(kinds, s, newKinds, pos, len);
            System.arraycopy(values, s, newValues, pos, len);
            pos += len;
            newStart[i + 1] = pos;
        }
        return new AttributeTable(newStart, newKeys, newKinds, newValues, keyDictionary, strings);
    }

    /** Builds a table row by row; strings and keys may come from shared dictionaries. */
    static final class Builder {
        /**
         * Where each row's entries start; null until the first entry, since most tables of a log (state before and
         * after, outcome labels) stay empty and need no column of row starts.
         */
        private GrowableArrays.Ints start;
        /** Rows ended while {@link #start} is null. */
        private int emptyRows;
        private int expectedRows;
        private final GrowableArrays.Ints keys = new GrowableArrays.Ints(64);
        private final GrowableArrays.Bytes kinds = new GrowableArrays.Bytes(64);
        private final GrowableArrays.Longs values = new GrowableArrays.Longs(64);
        private final StringDictionary keyDictionary;
        private final StringDictionary strings;

        Builder(int expectedRows, StringDictionary keyDictionary, StringDictionary strings) {
            this.expectedRows = expectedRows;
            this.keyDictionary = keyDictionary;
            this.strings = strings;
        }

        void put(int keyCode, byte kind, long raw) {
            if (start == null) {
                start = new GrowableArrays.Ints(Math.max(expectedRows, emptyRows) + 1);
                for (int row = 0; row <= emptyRows; row++) { // the rows so far, and this one, start at entry 0
                    start.add(0);
                }
            }
            keys.add(keyCode);
            kinds.add(kind);
            values.add(raw);
        }

        void put(String key, Object value) {
            Object v = Values.normalize(value);
            ValueKind kind = ValueKind.of(v);
            long raw;
            switch (kind) {
                case NULL:
                    raw = 0;
                    break;
                case STRING:
                    raw = strings.intern((String) v);
                    break;
                case LONG:
                    raw = (Long) v;
                    break;
                case DOUBLE:
                    raw = Double.doubleToRawLongBits((Double) v);
                    break;
                case BOOLEAN:
                    raw = ((Boolean) v) ? 1 : 0;
                    break;
                case INSTANT:
                    raw = Timestamps.toMicros((java.time.Instant) v);
                    break;
                default:
                    throw new IllegalStateException();
            }
            put(keyDictionary.intern(key), kind.code(), raw);
        }

        StringDictionary keyDictionaryForBuilder() {
            return keyDictionary;
        }

        /** A row's value for a key as text (strings as they are, other kinds via toString), or null. */
        String stringValue(int row, int keyCode) {
            if (keyCode < 0 || start == null || row + 1 >= start.size) {
                return null;
            }
            for (int e = start.data[row]; e < start.data[row + 1]; e++) {
                if (keys.data[e] == keyCode) {
                    long raw = values.data[e];
                    switch (ValueKind.ofCode(kinds.data[e])) {
                        case STRING:
                            return strings.value((int) raw);
                        case LONG:
                            return Long.toString(raw);
                        case DOUBLE:
                            return Double.toString(Double.longBitsToDouble(raw));
                        case BOOLEAN:
                            return raw != 0 ? "true" : "false";
                        case INSTANT:
                            return Timestamps.fromMicros(raw).toString();
                        default:
                            return null;
                    }
                }
            }
            return null;
        }

        /** The value of a key on the row being built, as {@link ValueKind#decode} gives it, or ABSENT. */
        Object currentValue(int keyCode) {
            if (keyCode < 0 || start == null) {
                return EventLogBuilder.ABSENT;
            }
            for (int e = start.data[start.size - 1]; e < keys.size; e++) {
                if (keys.data[e] == keyCode) {
                    long raw = values.data[e];
                    ValueKind kind = ValueKind.ofCode(kinds.data[e]);
                    return kind == ValueKind.STRING ? strings.value((int) raw) : kind.decode(raw, null);
                }
            }
            return EventLogBuilder.ABSENT;
        }

        /** Removes an earlier entry of the same key on the current row, so the last write wins. */
        void dropDuplicateOfLast() {
            int rowStart = start.data[start.size - 1];
            int last = keys.size - 1;
            for (int e = rowStart; e < last; e++) {
                if (keys.data[e] == keys.data[last]) {
                    kinds.data[e] = kinds.data[last];
                    values.data[e] = values.data[last];
                    keys.size--;
                    kinds.size--;
                    values.size--;
                    return;
                }
            }
        }

        void endRow() {
            if (start == null) {
                emptyRows++;
            } else {
                start.add(keys.size);
            }
        }

        /** Rows ended so far. */
        int rows() {
            return start == null ? emptyRows : start.size - 1;
        }

        int entries() {
            return keys.size;
        }

        /** Room for {@code rows} rows and {@code entries} entries in all (for appending parts). */
        void reserve(int rows, int entries) {
            expectedRows = Math.max(expectedRows, rows);
            if (start != null) {
                start.reserve(rows + 1 - start.size);
            }
            keys.reserve(entries - keys.size);
            kinds.reserve(entries - kinds.size);
            values.reserve(entries - values.size);
        }

        /**
         * Appends every (ended) row of {@code other} after this builder's ended rows: keys recoded by
         * {@code keyMap} (from {@link StringDictionary#internAll} of its key dictionary), string values by
         * {@code stringMap} (of its strings).
         */
        void append(Builder other, int[] keyMap, int[] stringMap) {
            int otherRows = other.rows();
            if (other.start == null) {
                if (start == null) {
                    emptyRows += otherRows;
                } else {
                    start.reserve(otherRows);
                    for (int r = 0; r < otherRows; r++) {
                        start.add(keys.size);
                    }
                }
                return;
            }
            if (start == null) {
                start = new GrowableArrays.Ints(Math.max(expectedRows, emptyRows + otherRows) + 1);
                for (int row = 0; row <= emptyRows; row++) {
                    start.add(0);
                }
            }
            int base = keys.size;
            start.addAllShifted(other.start.data, 1, otherRows, base);
            int entries = other.keys.size;
            int[] otherKeys = other.keys.data;
            byte[] otherKinds = other.kinds.data;
            long[] otherValues = other.values.data;
            keys.reserve(entries);
            kinds.addAll(otherKinds, entries);
            values.reserve(entries);
            int[] k = keys.data;
            long[] v = values.data;
            byte string = ValueKind.STRING.code();
            for (int e = 0; e < entries; e++) {
                k[base + e] = keyMap[otherKeys[e]];
                long raw = otherValues[e];
                v[base + e] = otherKinds[e] == string ? stringMap[(int) raw] : raw;
            }
            keys.size = base + entries;
            values.size = base + entries;
        }

        AttributeTable build(int[] order) {
            if (start == null) {
                return new AttributeTable(null, new int[0], new byte[0], new long[0], keyDictionary, strings);
            }
            AttributeTable unordered = new AttributeTable(start.trimmed(), keys.trimmed(), kinds.trimmed(),
                    values.trimmed(), keyDictionary, strings);
            return order == null ? unordered : unordered.select(order, order.length);
        }
    }
}
