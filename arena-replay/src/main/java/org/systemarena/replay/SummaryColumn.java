package org.systemarena.replay;

import java.util.Arrays;

/**
 * One snapshot-summary value per decision point, stored by kind: numbers and strings in primitive arrays (strings as
 * codes), so a million decision points do not keep a million boxed values. A column whose values change kind (a
 * feature that is sometimes a number, sometimes text) falls back to plain objects.
 */
final class SummaryColumn {
    private enum Kind { EMPTY, INT, LONG, DOUBLE, STRING, OBJECT }

    private Kind kind = Kind.EMPTY;
    private int size;
    private long[] bits = new long[0];
    private boolean[] isNull;
    private final NameCodes strings = new NameCodes();
    private Object[] objects;

    SummaryColumn() {
        this(16);
    }

    /** A column with room for {@code capacity} values (assembly knows the run's row count). */
    SummaryColumn(int capacity) {
        isNull = new boolean[Math.max(16, capacity)];
    }

    void add(Object value) {
        ensure(size + 1);
        if (value == null) {
            isNull[size++] = true;
            return;
        }
        Kind k = kindOf(value);
        if (kind == Kind.EMPTY && k != Kind.OBJECT) {
            kind = k;
            bits = new long[isNull.length];
        } else if (kind != k && kind != Kind.OBJECT) {
            toObjects();
        }
        set(size++, value);
    }

    private void set(int row, Object value) {
        switch (kind) {
            case INT -> bits[row] = (Integer) value;
            case LONG -> bits[row] = (Long) value;
            case DOUBLE -> bits[row] = Double.doubleToRawLongBits((Double) value);
            case STRING -> bits[row] = strings.code((String) value);
            default -> {
                if (objects == null) {
                    toObjects();
                }
                objects[row] = value;
            }
        }
    }

    Object get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        if (isNull[row]) {
            return null;
        }
        return switch (kind) {
            case INT -> (int) bits[row];
            case LONG -> bits[row];
            case DOUBLE -> Double.longBitsToDouble(bits[row]);
            case STRING -> strings.name((int) bits[row]);
            case OBJECT -> objects[row];
            case EMPTY -> null;
        };
    }

    int size() {
        return size;
    }

    /** Appends {@code other}'s values: array copies when both hold the same kind, value by value otherwise. */
    void addAll(SummaryColumn other) {
        if (other.size == 0) {
            return;
        }
        if (kind == Kind.EMPTY && other.kind != Kind.EMPTY && other.kind != Kind.OBJECT) {
            kind = other.kind;
            bits = new long[isNull.length];
        }
        if (kind != other.kind && other.kind != Kind.EMPTY || kind == Kind.OBJECT) {
            for (int i = 0; i < other.size; i++) {
                add(other.get(i));
            }
            return;
        }
        ensure(size + other.size);
        System.arraycopy(other.isNull, 0, isNull, size, other.size);
        if (other.kind == Kind.STRING) {
            int[] map = strings.mapFrom(other.strings);
            for (int i = 0; i < other.size; i++) {
                bits[size + i] = other.isNull[i] ? 0 : map[(int) other.bits[i]];
            }
        } else if (other.kind != Kind.EMPTY) {
            System.arraycopy(other.bits, 0, bits, size, other.size);
        }
        size += other.size;
    }

    /** Keeps the first {@code keep} values. */
    void truncate(int keep) {
        size = Math.min(size, keep);
    }

    private static Kind kindOf(Object value) {
        if (value instanceof Integer) {
            return Kind.INT;
        }
        if (value instanceof Long) {
            return Kind.LONG;
        }
        if (value instanceof Double) {
            return Kind.DOUBLE;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        return Kind.OBJECT;
    }

    private void toObjects() {
        Object[] o = new Object[isNull.length];
        for (int i = 0; i < size; i++) {
            o[i] = get(i);
        }
        kind = Kind.OBJECT;
        objects = o;
        bits = new long[0];
    }

    private void ensure(int capacity) {
        if (capacity <= isNull.length) {
            return;
        }
        int n = Math.max(capacity, isNull.length * 2);
        isNull = Arrays.copyOf(isNull, n);
        if (kind == Kind.OBJECT) {
            objects = Arrays.copyOf(objects, n);
        } else if (kind != Kind.EMPTY) {
            bits = Arrays.copyOf(bits, n);
        }
    }
}
