package org.systemarena.datasets.io;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Turns the decoded characters of one field's values straight into their codes in the log builder's dictionary for
 * that field (case ids, event types, actor ids, object reference ids ...). A repeated value costs a comparison with
 * the field's last value, or a hash of a few chars and a comparison with one slot, and no String: text readers see
 * a few dozen distinct values per field in flight, repeated across millions of rows. A new or evicted value becomes
 * a String once and is interned in the builder. Bounded memory; a collision just replaces the slot.
 *
 * <p>After {@link #code}, {@link #value()} is the same text as a String (the cached instance when there is one),
 * for checks and error messages.
 */
final class TextCodes {
    private static final int MAX_LENGTH = 64;
    private final char[][] keys;
    private final String[] values;
    private final int[] codes;
    /** Keeps the top bits of a 64-bit hash: as many as the table has index bits. */
    private final int shift;
    private final ToIntFunction<String> intern;
    private char[] lastKey;
    private String lastValue;
    private int lastCode;

    /** {@code intern} gives the builder's code of a value, adding it when new. */
    TextCodes(int sizePowerOfTwo, ToIntFunction<String> intern) {
        if (Integer.bitCount(sizePowerOfTwo) != 1 || sizePowerOfTwo < 2) {
            throw new IllegalArgumentException("size must be a power of two >= 2: " + sizePowerOfTwo);
        }
        keys = new char[sizePowerOfTwo][];
        values = new String[sizePowerOfTwo];
        codes = new int[sizePowerOfTwo];
        shift = 64 - Integer.numberOfTrailingZeros(sizePowerOfTwo);
        this.intern = intern;
    }

    /** The code of the text in {@code buffer[offset, offset + length)}. */
    int code(char[] buffer, int offset, int length) {
        char[] last = lastKey;
        if (last != null && Arrays.equals(last, 0, last.length, buffer, offset, offset + length)) {
            return lastCode;
        }
        if (length > MAX_LENGTH) { // long free text: rarely repeated, not worth a slot
            lastKey = null;
            lastValue = new String(buffer, offset, length);
            lastCode = intern.applyAsInt(lastValue);
            return lastCode;
        }
        int index = index(buffer, offset, length);
        char[] key = keys[index];
        if (key == null || !Arrays.equals(key, 0, key.length, buffer, offset, offset + length)) {
            key = Arrays.copyOfRange(buffer, offset, offset + length);
            String value = new String(buffer, offset, length);
            keys[index] = key;
            values[index] = value;
            codes[index] = intern.applyAsInt(value);
        }
        lastKey = key;
        lastValue = values[index];
        lastCode = codes[index];
        return lastCode;
    }

    /** The text of the last {@link #code} call as a String. */
    String value() {
        return lastValue;
    }

    /**
     * Hashes the length and the first, middle and last four chars rather than every char: this runs for most
     * values of a file, ids mostly differ in their last digits and words in their first letters, and a rare
     * collision only costs a miss.
     */
    private int index(char[] buffer, int offset, int length) {
        long h;
        if (length >= 4) {
            h = quad(buffer, offset) * 0x9E3779B97F4A7C15L
                    + quad(buffer, offset + (length >> 1) - 2) * 0xC2B2AE3D27D4EB4FL
                    + quad(buffer, offset + length - 4) * 0x165667B19E3779F9L
                    + length;
        } else {
            h = length;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = (h << 16) | buffer[i];
            }
            h *= 0x9E3779B97F4A7C15L;
        }
        return (int) (h >>> shift);
    }

    private static long quad(char[] buffer, int i) {
        return buffer[i] | (long) buffer[i + 1] << 16 | (long) buffer[i + 2] << 32 | (long) buffer[i + 3] << 48;
    }
}
