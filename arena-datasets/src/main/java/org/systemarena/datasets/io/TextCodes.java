package org.systemarena.datasets.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Turns the text of one field's values straight into their codes in the log builder's dictionary for that field
 * (case ids, event types, actor ids, object reference ids ...). Text readers see a few dozen distinct values per
 * field in flight, repeated across millions of rows: a repeated value costs a comparison with the field's last value,
 * or with the two slots of its set, and no String. A new or evicted value becomes a String once and is interned in
 * the builder. Bounded memory; a collision just replaces a slot.
 *
 * <p>A value of up to 32 ASCII chars is held in the slot itself as its length and four longs (its chars one byte
 * each: the first eight, the next two eights when it is longer than 16 or 24, and the last eight, overlapping the
 * others), which identify it exactly: a comparison reads one cache line per way and no object. Longer or non-ASCII
 * values keep their chars beside the slot.
 *
 * <p>Text comes as chars (from Jackson) or as ASCII bytes (from the JSON Lines scanner, {@code io.json.JsonLineScanner});
 * both reach the same slots.
 * After {@link #code}, {@link #value()} is the same text as a String (the cached instance when there is one).
 */
public final class TextCodes {
    private static final int MAX_LENGTH = 64;
    private static final int INLINE = 32;
    /** Longs per slot: one cache line, so that a lookup touches one or two lines. */
    private static final int STRIDE = 8;
    /** In a slot's first word beside the length: the value's chars are in {@link #objects}, not inline. */
    private static final int KEYED = 1 << 30;
    private static final long EMPTY = 0xFFFF_FFFFL;
    /**
     * Per slot: the length (with {@link #KEYED}; -1 when empty) in the low half of the first word and the code in
     * the high half, then the head, second, third and tail words.
     */
    private final long[] slots;
    /** Per slot: the value as a String, then the chars of a value not held inline (longer or not ASCII) or null. */
    private final Object[] objects;
    /** Keeps the top bits of a 64-bit hash: as many as the table has index bits. */
    private final int shift;
    private final ToIntFunction<String> intern;
    /**
     * The slot of the last value, checked first: a field often repeats its value on the next row. -1 after a value
     * too long for a slot, which is then {@link #uncachedValue}.
     */
    private int lastSlot = -1;
    private String uncachedValue;

    /** {@code intern} gives the builder's code of a value, adding it when new. */
    public TextCodes(int sizePowerOfTwo, ToIntFunction<String> intern) {
        if (Integer.bitCount(sizePowerOfTwo) != 1 || sizePowerOfTwo < 2) {
            throw new IllegalArgumentException("size must be a power of two >= 2: " + sizePowerOfTwo);
        }
        slots = new long[sizePowerOfTwo * STRIDE];
        for (int i = 0; i < slots.length; i += STRIDE) {
            slots[i] = EMPTY;
        }
        objects = new Object[sizePowerOfTwo * 2];
        shift = 64 - Integer.numberOfTrailingZeros(sizePowerOfTwo);
        this.intern = intern;
    }

    /** The code of the text in {@code ascii[offset, offset + length)}, each byte an ASCII char. */
    public int code(byte[] ascii, int offset, int length) {
        if (length > MAX_LENGTH) { // long free text: rarely repeated, not worth a slot
            return uncached(new String(ascii, offset, length, StandardCharsets.ISO_8859_1));
        }
        long head = length >= 8 ? AsciiBytes.longAt(ascii, offset) : packed(ascii, offset, length);
        long tail = length > 8 ? AsciiBytes.longAt(ascii, offset + length - 8) : 0;
        if (length <= INLINE) {
            long second = length > 16 ? AsciiBytes.longAt(ascii, offset + 8) : 0;
            long third = length > 24 ? AsciiBytes.longAt(ascii, offset + 16) : 0;
            int last = lastSlot;
            if (last >= 0 && holds(last * STRIDE, length, head, second, third, tail)) {
                return codeAt(last);
            }
            int set = index(length, head, tail) & ~1;
            int slot = inlineSlot(set, length, head, second, third, tail);
            return remember(slot >= 0 ? slot : insert(set, length, head, second, third, tail, null,
                    new String(ascii, offset, length, StandardCharsets.ISO_8859_1)));
        }
        char[] lastKey = lastSlot >= 0 ? key(lastSlot) : null;
        if (lastKey != null && same(lastKey, ascii, offset, length)) {
            return codeAt(lastSlot);
        }
        int set = index(length, head, tail) & ~1;
        for (int slot = set; slot <= set + 1; slot++) {
            char[] key = key(slot);
            if (key != null && same(key, ascii, offset, length)) {
                return remember(slot);
            }
        }
        char[] key = new char[length];
        for (int i = 0; i < length; i++) {
            key[i] = (char) ascii[offset + i];
        }
        return remember(insert(set, length, head, 0, 0, tail, key, new String(key)));
    }

    /** The code of the text in {@code buffer[offset, offset + length)}. */
    public int code(char[] buffer, int offset, int length) {
        if (length > MAX_LENGTH) {
            return uncached(new String(buffer, offset, length));
        }
        long head = eight(buffer, offset, Math.min(length, 8));
        long tail = length > 8 ? eight(buffer, offset + length - 8, 8) : 0;
        int set = index(length, head, tail) & ~1;
        if (length <= INLINE && isAscii(buffer, offset, length)) {
            long second = length > 16 ? eight(buffer, offset + 8, 8) : 0;
            long third = length > 24 ? eight(buffer, offset + 16, 8) : 0;
            int slot = inlineSlot(set, length, head, second, third, tail);
            return remember(slot >= 0 ? slot : insert(set, length, head, second, third, tail, null,
                    new String(buffer, offset, length)));
        }
        for (int slot = set; slot <= set + 1; slot++) {
            char[] key = key(slot);
            if (key != null && Arrays.equals(key, 0, key.length, buffer, offset, offset + length)) {
                return remember(slot);
            }
        }
        return remember(insert(set, length, head, 0, 0, tail, Arrays.copyOfRange(buffer, offset, offset + length),
                new String(buffer, offset, length)));
    }

    /** The slot of the set that holds this value inline, or -1. */
    private int inlineSlot(int set, int length, long head, long second, long third, long tail) {
        for (int slot = set, i = set * STRIDE; slot <= set + 1; slot++, i += STRIDE) {
            if (holds(i, length, head, second, third, tail)) {
                return slot;
            }
        }
        return -1;
    }

    /** Whether the slot at {@code slots[i]} holds this value inline. */
    private boolean holds(int i, int length, long head, long second, long third, long tail) {
        long[] s = slots;
        return (int) s[i] == length && s[i + 1] == head && s[i + 4] == tail && s[i + 2] == second
                && s[i + 3] == third;
    }

    private int codeAt(int slot) {
        return (int) (slots[slot * STRIDE] >>> 32);
    }

    private char[] key(int slot) {
        return (char[]) objects[slot * 2 + 1];
    }

    /** The text of the last {@link #code} call as a String. */
    public String value() {
        return lastSlot >= 0 ? (String) objects[lastSlot * 2] : uncachedValue;
    }

    /** A new value into the first way of a set, the first way's value into the second. */
    private int insert(int set, int length, long head, long second, long third, long tail, char[] key, String value) {
        int i = set * STRIDE;
        System.arraycopy(slots, i, slots, i + STRIDE, 5);
        System.arraycopy(objects, set * 2, objects, set * 2 + 2, 2);
        int code = intern.applyAsInt(value);
        slots[i] = (long) code << 32 | (key == null ? length : length | KEYED);
        slots[i + 1] = head;
        slots[i + 2] = second;
        slots[i + 3] = third;
        slots[i + 4] = tail;
        objects[set * 2] = value;
        objects[set * 2 + 1] = key;
        return set;
    }

    private int remember(int slot) {
        lastSlot = slot;
        return codeAt(slot);
    }

    private int uncached(String value) {
        lastSlot = -1;
        uncachedValue = value;
        return intern.applyAsInt(value);
    }

    /**
     * The set of a value from its length and its first and last eight chars: ids mostly differ in their last digits
     * and words in their first letters. The length goes in below the multiply, so that it reaches the top bits the
     * index keeps.
     */
    private int index(int length, long head, long tail) {
        long h = (head + length) * 0x9E3779B97F4A7C15L + tail * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> shift);
    }

    /** Up to seven bytes as a long, the first in the lowest bits (as {@link AsciiBytes#longAt} reads eight). */
    private static long packed(byte[] ascii, int offset, int length) {
        if (offset + 8 <= ascii.length) { // one read, the bytes after the text masked off
            return AsciiBytes.longAt(ascii, offset) & ((1L << (length << 3)) - 1);
        }
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = v << 8 | ascii[offset + i];
        }
        return v;
    }

    /** The low bytes of {@code count} (up to eight) chars as a long, the first in the lowest bits. */
    private static long eight(char[] buffer, int offset, int count) {
        long v = 0;
        for (int i = count - 1; i >= 0; i--) {
            v = v << 8 | (buffer[offset + i] & 0xFF);
        }
        return v;
    }

    private static boolean isAscii(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char[] key, byte[] ascii, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != ascii[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
