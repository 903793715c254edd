package org.systemarena.datasets.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-array helpers for the JSON Lines scanner ({@code io.json.JsonLineScanner}) that look at eight bytes per step
 * (one long read), since they run over nearly every byte of a JSON Lines file.
 */
public final class AsciiBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private AsciiBytes() {
    }

    /** Whether {@code a[aFrom, aFrom + length)} and {@code b[bFrom, bFrom + length)} hold the same bytes. */
    public static boolean equal(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        if (length < 8) {
            for (int i = 0; i < length; i++) {
                if (a[aFrom + i] != b[bFrom + i]) {
                    return false;
                }
            }
            return true;
        }
        // Whole longs, then the last eight bytes (overlapping the previous long): no byte-by-byte tail.
        for (int i = 0; i < length - 8; i += 8) {
            if (longAt(a, aFrom + i) != longAt(b, bFrom + i)) {
                return false;
            }
        }
        return longAt(a, aFrom + length - 8) == longAt(b, bFrom + length - 8);
    }

    /** Eight bytes from {@code from}, the first in the lowest bits. */
    static long longAt(byte[] b, int from) {
        return (long) LONGS.get(b, from);
    }

    /**
     * The index of the first byte from {@code from} (before {@code limit}) that ends or interrupts a simple JSON
     * string: a quote, a backslash, a control character, DEL or any non-ASCII byte; {@code limit} when there is none.
     */
    public static int stringStop(byte[] b, int from, int limit) {
        int i = from;
        for (; i + 8 <= limit; i += 8) {
            long word = (long) LONGS.get(b, i);
            // A byte x outside 0x20-0x7E has the high bit set in x - 0x20 (x below 0x20), x + 1 (x from 0x7F) or x
            // (non-ASCII). A borrow or carry into the next byte comes only from a byte flagged itself.
            long stops = zeroBytes(word ^ 0x2222_2222_2222_2222L) // '"'
                    | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5CL) // '\\'
                    | ((word - 0x2020_2020_2020_2020L) | (word + ONES) | word) & HIGHS;
            if (stops != 0) {
                return i + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
        }
        for (; i < limit; i++) {
            int c = b[i];
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7F) { // non-ASCII bytes are negative
                return i;
            }
        }
        return limit;
    }

    /**
     * The high bit of each byte of {@code x} that is zero, and possibly of bytes above a zero one (a borrow), which
     * is harmless here: only the lowest flagged byte is used, and it is exact.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
