package org.systemarena.datasets.io.parquet;

import java.util.Arrays;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Bulk decoder of Parquet's RLE/bit-packing hybrid encoding (definition and repetition levels, dictionary ids)
 * from a byte array into an int array. parquet-java decodes these one value at a time through a stream, which
 * was the largest cost of reading wide, sparse files (every row reads the levels of every column).
 */
final class ParquetHybrid {
    private ParquetHybrid() {
    }

    /**
     * Decodes {@code count} values of {@code bitWidth} bits (0 to 32) from {@code buf[pos..end)}, which starts
     * with a run header; returns the position after the last run read. Data that ends before {@code count} values
     * throws {@link ParquetDecodingException}, never reads past {@code end}.
     */
    static int decode(byte[] buf, int pos, int end, int bitWidth, int[] out, int count) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetDecodingException("bad RLE/bit-packed bit width " + bitWidth);
        }
        if (end > buf.length || pos < 0 || pos > end) {
            throw new ParquetDecodingException("RLE/bit-packed section [" + pos + ", " + end + ") outside the "
                    + buf.length + " bytes of its page");
        }
        int n = 0;
        int valueBytes = (bitWidth + 7) >>> 3;
        long mask = (1L << bitWidth) - 1;
        while (n < count) {
            long header = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= end || shift > 28) {
                    throw ends(n, count);
                }
                b = buf[pos++];
                header |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            if ((header & 1) == 0) {
                long run = header >>> 1;
                if (valueBytes > end - pos) {
                    throw ends(n, count);
                }
                int value = 0;
                for (int i = 0; i < valueBytes; i++) {
                    value |= (buf[pos++] & 0xFF) << (8 * i);
                }
                if (bitWidth < 32 && (value & ~mask) != 0) {
                    throw new ParquetDecodingException("RLE value " + Integer.toUnsignedString(value)
                            + " wider than " + bitWidth + " bits");
                }
                int stop = (int) Math.min(count, n + run);
                Arrays.fill(out, n, stop, value);
                n = stop;
            } else {
                long groups = header >>> 1;
                int stop = (int) Math.min(count, n + 8 * groups);
                // Writers pad the last group to 8 values, but some files end right after the last value's bits.
                long needed = ((long) (stop - n) * bitWidth + 7) >>> 3;
                if (needed > end - pos) {
                    throw ends(n, count);
                }
                long acc = 0;
                int bits = 0;
                int p = pos;
                for (int k = n; k < stop; k++) {
                    while (bits < bitWidth) {
                        acc |= (long) (buf[p++] & 0xFF) << bits;
                        bits += 8;
                    }
                    out[k] = (int) (acc & mask);
                    acc >>>= bitWidth;
                    bits -= bitWidth;
                }
                pos += (int) Math.min(groups * bitWidth, end - pos);
                n = stop;
            }
        }
        return pos;
    }

    private static ParquetDecodingException ends(int n, int count) {
        return new ParquetDecodingException("RLE/bit-packed data ends after " + n + " of " + count + " values");
    }
}
