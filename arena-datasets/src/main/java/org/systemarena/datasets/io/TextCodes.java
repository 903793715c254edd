package org.systemarena.datasets.io;

import java.nio.charset.StandardCharsets;
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
    /** The same keys as bytes when they are ASCII (else null), for text that comes as bytes. */
    private final byte[][] asciiKeys;
    private final String[] values;
    private final int[] codes;
    /** Keeps the top bits of a 64-bit hash: as many as the table has index bits. */
    private final int shift;
    private final ToIntFunction<String> intern;
    private char[] lastKey;
    private byte[] lastAsciiKey;
    private String lastValue;
    private int lastCode;

    /** {@code intern} gives the builder's code of a value, adding it when new. */
    TextCodes(int sizePowerOfTwo, ToIntFunction<String> intern) {
        if (Integer.bitCount(sizePowerOfTwo) != 1 || sizePowerOfTwo < 2) {
            throw new IllegalArgumentException("size must be a power of two >= 2: " + sizePowerOfTwo);
        }
        keys = new char[sizePowerOfTwo][];
        asciiKeys = new byte[sizePowerOfTwo][];
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
            return uncached(new String(buffer, offset, length));
        }
        // Two-way sets: two values a file alternates between that happen to share a set both stay.
        int index = index(buffer, offset, length) & ~1;
        if (!same(keys[index], buffer, offset, length)) {
            index++;
            if (!same(keys[index], buffer, offset, length)) {
                index = insert(index - 1, Arrays.copyOfRange(buffer, offset, offset + length),
                        new String(buffer, offset, length));
            }
        }
        return remember(index);
    }

    /**
     * Like {@link #code(char[], int, int)} for text given as ASCII bytes (each byte one char), with the same slots:
     * one field's values may come from both.
     */
    int code(byte[] ascii, int offset, int length) {
        byte[] last = lastAsciiKey;
        if (last != null && same(last, ascii, offset, length)) {
            return lastCode;
        }
        if (length > MAX_LENGTH) {
            return uncached(new String(ascii, offset, length, StandardCharsets.ISO_8859_1));
        }
        int index = index(ascii, offset, length) & ~1;
        if (!same(asciiKeys[index], ascii, offset, length)) {
            index++;
            if (!same(asciiKeys[index], ascii, offset, length)) {
                char[] key = new char[length];
                for (int i = 0; i < length; i++) {
                    key[i] = (char) ascii[offset + i];
                }
                index = insert(index - 1, key, new String(ascii, offset, length, StandardCharsets.ISO_8859_1));
            }
        }
        return remember(index);
    }

    private static boolean same(byte[] key, byte[] ascii, int offset, int length) {
        return key != null && key.length == length && AsciiBytes.equal(key, 0, ascii, offset, length);
    }

    private static boolean same(char[] key, char[] buffer, int offset, int length) {
        return key != null && Arrays.equals(key, 0, key.length, buffer, offset, offset + length);
    }

    /** A new value into the first way of the set at {@code index}, the first way's value into the second. */
    private int insert(int index, char[] key, String value) {
        keys[index + 1] = keys[index];
        asciiKeys[index + 1] = asciiKeys[index];
        values[index + 1] = values[index];
        codes[index + 1] = codes[index];
        keys[index] = key;
        asciiKeys[index] = ascii(key);
        values[index] = value;
        codes[index] = intern.applyAsInt(value);
        return index;
    }

    /** The key as bytes when every char is ASCII, else null. */
    private static byte[] ascii(char[] key) {
        byte[] bytes = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            if (key[i] >= 0x80) {
                return null;
            }
            bytes[i] = (byte) key[i];
        }
        return bytes;
    }

    private int remember(int index) {
        lastKey = keys[index];
        lastAsciiKey = asciiKeys[index];
        lastValue = values[index];
        lastCode = codes[index];
        return lastCode;
    }

    private int uncached(String value) {
        lastKey = null;
        lastAsciiKey = null;
        lastValue = value;
        lastCode = intern.applyAsInt(value);
        return lastCode;
    }

    /** The text of the last {@link #code} call as a String. */
    String value() {
        return lastValue;
    }

    /**
     * Hashes the length and the first and last eight chars rather than every char: this runs for most values of a
     * file, ids mostly differ in their last digits and words in their first letters, and a rare collision only costs
     * a miss. Each char counts by its low byte, so that ASCII text hashes the same as chars and as bytes.
     */
    private int index(char[] buffer, int offset, int length) {
        if (length < 8) {
            long h = length;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = (h << 8) | (buffer[i] & 0xFF);
            }
            return spread(h);
        }
        return mix(length, eight(buffer, offset), eight(buffer, offset + length - 8));
    }

    /** The same index as {@link #index(char[], int, int)} for the same text given as ASCII bytes. */
    private int index(byte[] ascii, int offset, int length) {
        if (length < 8) {
            long h = length;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = (h << 8) | ascii[i];
            }
            return spread(h);
        }
        return mix(length, AsciiBytes.longAt(ascii, offset), AsciiBytes.longAt(ascii, offset + length - 8));
    }

    private int mix(int length, long first, long last) {
        // The length goes in below the multiply, so that it reaches the top bits the index keeps.
        long h = (first + length) * 0x9E3779B97F4A7C15L + last * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> shift);
    }

    private int spread(long h) {
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** Eight chars' low bytes as a long, the first in the lowest bits (as {@link AsciiBytes#longAt} reads bytes). */
    private static long eight(char[] buffer, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (buffer[from + i] & 0xFF);
        }
        return v;
    }
}
