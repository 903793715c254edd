package org.systemarena.decision;

import org.systemarena.core.ValueKind;

/**
 * Named values copied out of an attribute table in raw form (kind, bits, and the string for string values), so a
 * snapshot neither boxes values nobody asks for nor refers to the log's dictionaries. Immutable once built; the names
 * array may be shared by consecutive snapshots of a case when no new field appeared between them.
 */
final class ValueSlots {
    static final ValueSlots EMPTY = new ValueSlots(new String[0], new long[0], new String[0]);

    static {
        // read() switches on these codes
        assert ValueKind.NULL.code() == 0 && ValueKind.STRING.code() == 1 && ValueKind.LONG.code() == 2
                && ValueKind.DOUBLE.code() == 3 && ValueKind.BOOLEAN.code() == 4;
    }

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
        // ValueKind codes (part of the in-memory layout): a switch on the code skips the enum's lookups
        switch ((int) bits[2 * i]) {
            case 0 -> sink.nullValue(index);
            case 1 -> sink.textValue(index, strings[i]);
            case 2 -> sink.longValue(index, r);
            case 3 -> sink.doubleValue(index, Double.longBitsToDouble(r));
            case 4 -> sink.booleanValue(index, r != 0);
            default -> sink.objectValue(index, value(i));
        }
    }

    Object value(int i) {
        long r = bits[2 * i + 1];
        return ValueKind.ofCode((byte) bits[2 * i]).decode(r, strings[i]);
    }
}
