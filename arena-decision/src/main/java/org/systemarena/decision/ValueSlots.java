package org.systemarena.decision;

import org.systemarena.core.ValueKind;

/**
 * Named values copied out of an attribute table in raw form (kind, bits, and the string for string values), so a
 * snapshot neither boxes values nobody asks for nor refers to the log's dictionaries. Immutable once built; the names
 * array may be shared by consecutive snapshots of a case when no new field appeared between them.
 */
final class ValueSlots {
    static final ValueSlots EMPTY = new ValueSlots(new String[0], new long[0], new String[0]);

    private final String[] names;
    private final long[] bits; // slot i: kind at 2i, raw value at 2i + 1
    private final String[] strings;

    ValueSlots(String[] names, long[] bits, String[] strings) {
        this.names = names;
        this.bits = bits;
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

    /** The names, slot by slot: the array itself, which its users compare by identity and never write. */
    String[] names() {
        return names;
    }

    /** Slot {@code i}'s value to the sink, unboxed. */
    void read(int i, int index, SnapshotReader.Sink sink) {
        long r = bits[2 * i + 1];
        switch (ValueKind.ofCode((byte) bits[2 * i])) {
            case NULL -> sink.nullValue(index);
            case STRING -> sink.textValue(index, strings[i]);
            case LONG -> sink.longValue(index, r);
            case DOUBLE -> sink.doubleValue(index, Double.longBitsToDouble(r));
            case BOOLEAN -> sink.booleanValue(index, r != 0);
            default -> sink.objectValue(index, value(i));
        }
    }

    Object value(int i) {
        long r = bits[2 * i + 1];
        return ValueKind.ofCode((byte) bits[2 * i]).decode(r, strings[i]);
    }
}
