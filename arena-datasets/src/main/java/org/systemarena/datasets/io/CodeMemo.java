package org.systemarena.datasets.io;

/**
 * Remembers the builder code of recently seen String instances. The text cache hands back the same instance for a
 * repeated value, so an identity hit skips the builder's dictionary lookup (hash, equals) for case ids, event types,
 * channels, actors and payload keys and values. Bounded; a collision just replaces the entry, and a miss interns.
 */
final class CodeMemo {
    static final int MISS = Integer.MIN_VALUE;
    private final String[] keys;
    private final int[] codes;
    private final int mask;

    CodeMemo(int sizePowerOfTwo) {
        keys = new String[sizePowerOfTwo];
        codes = new int[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    private int slot(String value) {
        int h = value.hashCode();
        return (h ^ (h >>> 15)) & mask;
    }

    /** The remembered code of this very instance, or {@link #MISS}. */
    int get(String value) {
        int index = slot(value);
        return keys[index] == value ? codes[index] : MISS;
    }

    int put(String value, int code) {
        int index = slot(value);
        keys[index] = value;
        codes[index] = code;
        return code;
    }
}
