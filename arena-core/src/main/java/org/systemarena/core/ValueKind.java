package org.systemarena.core;

/** The type of one stored attribute value; the byte codes are part of the in-memory layout. */
public enum ValueKind {
    NULL, STRING, LONG, DOUBLE, BOOLEAN, INSTANT;

    private static final ValueKind[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static ValueKind ofCode(byte code) {
        return BY_CODE[code];
    }

    /**
     * The value stored as {@code raw} bits (a long, a double's bits, 0/1, epoch microseconds); a string is not in the
     * bits, so the caller passes its text, which is ignored for the other kinds.
     */
    public Object decode(long raw, String text) {
        switch (this) {
            case NULL:
                return null;
            case STRING:
                return text;
            case LONG:
                return raw;
            case DOUBLE:
                return Double.longBitsToDouble(raw);
            case BOOLEAN:
                return raw != 0;
            case INSTANT:
                return Timestamps.fromMicros(raw);
            default:
                throw new IllegalStateException();
        }
    }

    public static ValueKind of(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof java.time.Instant) {
            return INSTANT;
        }
        throw new ArenaException("unsupported attribute value type " + value.getClass().getName());
    }
}
