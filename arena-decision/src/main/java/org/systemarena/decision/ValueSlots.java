package org.systemarena.decision;

import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;

/**
 * Named values copied out of an attribute table in raw form (kind, bits, and the string for string values), so a
 * snapshot neither boxes values nobody asks for nor refers to the log's dictionaries. Immutable once built; the names
 * array may be shared by consecutive snapshots of a case when no new field appeared between them.
 */
final class ValueSlots {
    static final ValueSlots EMPTY = new ValueSlots(new String[0], new byte[0], new long[0], new String[0]);

    private final String[] names;
    private final byte[] kinds;
    private final long[] raw;
    private final String[] strings;

    ValueSlots(String[] names, byte[] kinds, long[] raw, String[] strings) {
        this.names = names;
        this.kinds = kinds;
        this.raw = raw;
        this.strings = strings;
    }

    int size() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    Object value(int i) {
        long r = raw[i];
        switch (ValueKind.ofCode(kinds[i])) {
            case NULL:
                return null;
            case STRING:
                return strings[i];
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
