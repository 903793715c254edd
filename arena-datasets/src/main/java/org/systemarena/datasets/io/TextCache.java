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

    String get(char[] buffer, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(buffer, offset, length);
        }
        // A polynomial hash taken four chars a step: a shorter multiply chain than one char a step.
        int h = length;
        int end = offset + length;
        int i = offset;
        for (; i + 3 < end; i += 4) {
            h = 923_521 * h + 29_791 * buffer[i] + 961 * buffer[i + 1] + 31 * buffer[i + 2] + buffer[i + 3];
        }
        for (; i < end; i++) {
            h = 31 * h + buffer[i];
        }
        int index = (h ^ (h >>> 15)) & mask;
        char[] key = keys[index];
        if (key != null && Arrays.equals(key, 0, key.length, buffer, offset, end)) {
            return values[index];
        }
        String s = new String(buffer, offset, length);
        keys[index] = Arrays.copyOfRange(buffer, offset, offset + length);
        values[index] = s;
        return s;
    }
}
