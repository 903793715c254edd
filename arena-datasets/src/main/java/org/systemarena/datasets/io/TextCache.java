package org.systemarena.datasets.io;

import java.util.Arrays;

/**
 * A small direct-mapped cache from decoded characters to String: repeated values (case ids of consecutive events,
 * event types, channels, actor ids, payload categories) come back as the same String instance, so no new String
 * is made and the builder's dictionary lookups hit a cached hash and an identity comparison. Bounded memory; a
 * collision just replaces the entry.
 */
final class TextCache {
    private static final int MAX_LENGTH = 64;
    private final String[] values;
    private final char[][] keys;
    private final int mask;

    TextCache(int sizePowerOfTwo) {
        values = new String[sizePowerOfTwo];
        keys = new char[sizePowerOfTwo][];
        mask = sizePowerOfTwo - 1;
    }

    /** A plain loop: for these short keys it beats the vectorised mismatch's setup cost. */
    private static boolean same(char[] key, char[] buffer, int offset) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }

    String get(char[] buffer, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(buffer, offset, length);
        }
        int h = length;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + buffer[i];
        }
        int index = (h ^ (h >>> 15)) & mask;
        char[] key = keys[index];
        if (key != null && key.length == length && same(key, buffer, offset)) {
            return values[index];
        }
        String s = new String(buffer, offset, length);
        keys[index] = Arrays.copyOfRange(buffer, offset, offset + length);
        values[index] = s;
        return s;
    }
}
