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
    private final String[] lastValues;
    private final char[][] lastKeys;

    TextCache(int sizePowerOfTwo) {
        this(sizePowerOfTwo, 1);
    }

    /** {@code sites}: how many fields {@link #get(int, char[], int, int)} remembers a last value for. */
    TextCache(int sizePowerOfTwo, int sites) {
        values = new String[sizePowerOfTwo];
        keys = new char[sizePowerOfTwo][];
        mask = sizePowerOfTwo - 1;
        lastValues = new String[sites];
        lastKeys = new char[sites][];
    }

    /**
     * Like {@link #get(char[], int, int)}, first comparing with the value last returned for the same field
     * ({@code site}): the case id of consecutive events, a workflow type, a reference role often repeat, and a
     * comparison with a recently used key is cheaper than hashing and a table slot that may be out of cache.
     */
    String get(int site, char[] buffer, int offset, int length) {
        char[] last = lastKeys[site];
        if (last != null && Arrays.equals(last, 0, last.length, buffer, offset, offset + length)) {
            return lastValues[site];
        }
        int index = slot(buffer, offset, length);
        if (index < 0) {
            return new String(buffer, offset, length);
        }
        lastKeys[site] = keys[index];
        lastValues[site] = values[index];
        return values[index];
    }

    String get(char[] buffer, int offset, int length) {
        int index = slot(buffer, offset, length);
        return index < 0 ? new String(buffer, offset, length) : values[index];
    }

    /** The table slot that now holds this text (found or replaced), or -1 for text too long to keep. */
    private int slot(char[] buffer, int offset, int length) {
        if (length > MAX_LENGTH) {
            return -1;
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
            return index;
        }
        keys[index] = Arrays.copyOfRange(buffer, offset, offset + length);
        values[index] = new String(buffer, offset, length);
        return index;
    }
}
