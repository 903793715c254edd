package org.systemarena.datasets.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/** RLE/bit-packed hybrid runs encoded by hand from the Parquet format's description (values LSB first). */
class ParquetHybridTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static int[] decode(byte[] buf, int bitWidth, int count, int expectedEnd) {
        int[] out = new int[count + 2];
        out[count] = -7; // a sentinel: nothing is written past count
        int end = ParquetHybrid.decode(buf, 0, buf.length, bitWidth, out, count);
        assertThat(end).isEqualTo(expectedEnd);
        assertThat(out[count]).isEqualTo(-7);
        return Arrays.copyOf(out, count);
    }

    @Test
    void bitWidth1BitPacked() {
        // header (1 group << 1) | 1; 0b1000_1101: bit i is value i
        assertThat(decode(bytes(0x03, 0x8D), 1, 8, 2)).containsExactly(1, 0, 1, 1, 0, 0, 0, 1);
    }

    @Test
    void bitWidth1RleRun() {
        assertThat(decode(bytes(0x0C, 0x01), 1, 6, 2)).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void bitWidth3BitPackedIsTheFormatsExample() {
        // 0..7 at 3 bits: 10001000 11000110 11111010
        assertThat(decode(bytes(0x03, 0x88, 0xC6, 0xFA), 3, 8, 4)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void bitWidth3RleThenBitPackedThenRle() {
        byte[] buf = bytes(0x0A, 0x06, 0x03, 0x88, 0xC6, 0xFA, 0x04, 0x05);
        assertThat(decode(buf, 3, 15, 8)).containsExactly(6, 6, 6, 6, 6, 0, 1, 2, 3, 4, 5, 6, 7, 5, 5);
    }

    @Test
    void aCountEndingInsideABitPackedGroupStillSkipsTheWholeGroup() {
        byte[] buf = bytes(0x03, 0x88, 0xC6, 0xFA, 0x02, 0x07);
        assertThat(decode(buf, 3, 5, 4)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void bitWidth8RleWithATwoByteHeaderAndBitPacked() {
        // 300 << 1 = 600 = 0b100_1011000: varint 0xD8 0x04; then one byte of value 200
        int[] out = decode(bytes(0xD8, 0x04, 0xC8, 0x03, 1, 2, 3, 4, 5, 6, 7, 8), 8, 308, 12);
        for (int i = 0; i < 300; i++) {
            assertThat(out[i]).isEqualTo(200);
        }
        assertThat(Arrays.copyOfRange(out, 300, 308)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void bitWidth17RleValueTakesThreeBytes() {
        // 70000 = 0x01_11_70, little endian
        assertThat(decode(bytes(0x0A, 0x70, 0x11, 0x01), 17, 5, 4)).containsExactly(70000, 70000, 70000, 70000,
                70000);
    }

    @Test
    void bitWidth17BitPacked() {
        // value 0 = 2^17 - 1 fills bits 0..16; value 1 = 1 sets bit 17; value 2 = 2^16 sets bit 34 + 16 = 50
        byte[] buf = new byte[1 + 17];
        buf[0] = 0x03;
        buf[1] = (byte) 0xFF;
        buf[2] = (byte) 0xFF;
        buf[3] = 0x03;
        buf[1 + 6] = 0x04;
        assertThat(decode(buf, 17, 8, 18)).containsExactly(131071, 1, 65536, 0, 0, 0, 0, 0);
    }

    @Test
    void bitWidth32RleAndBitPacked() {
        byte[] buf = new byte[1 + 4 + 1 + 32];
        buf[0] = 0x04; // a run of 2
        buf[1] = buf[2] = buf[3] = buf[4] = (byte) 0xFF;
        buf[5] = 0x03;
        buf[6] = 0x78;
        buf[7] = 0x56;
        buf[8] = 0x34;
        buf[9] = 0x12;
        buf[13] = (byte) 0x80;
        assertThat(decode(buf, 32, 10, 38)).containsExactly(-1, -1, 0x12345678, Integer.MIN_VALUE, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void bitWidth0IsAllZeros() {
        assertThat(decode(bytes(0x08), 0, 4, 1)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void truncatedOrCorruptRunsAreReportedNotReadPastTheirEnd() {
        int[] out = new int[16];
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x03, 0x88), 0, 2, 3, out, 8))
                .isInstanceOf(ParquetDecodingException.class)
                .hasMessage("RLE/bit-packed data ends after 0 of 8 values");
        // the bytes are in the array but past the section's end
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x03, 0x88, 0xC6, 0xFA), 0, 3, 3, out, 8))
                .isInstanceOf(ParquetDecodingException.class)
                .hasMessage("RLE/bit-packed data ends after 0 of 8 values");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x0A, 0x70), 0, 2, 17, out, 5))
                .hasMessage("RLE/bit-packed data ends after 0 of 5 values");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x04, 0x01), 0, 2, 1, out, 3))
                .hasMessage("RLE/bit-packed data ends after 2 of 3 values");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x80), 0, 1, 1, out, 1))
                .hasMessage("RLE/bit-packed data ends after 0 of 1 values");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 0, 6, 1, out, 1))
                .hasMessage("RLE/bit-packed data ends after 0 of 1 values");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x04, 0x09), 0, 2, 3, out, 2))
                .hasMessage("RLE value 9 wider than 3 bits");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x04, 0x01), 0, 2, 33, out, 2))
                .hasMessage("bad RLE/bit-packed bit width 33");
        assertThatThrownBy(() -> ParquetHybrid.decode(bytes(0x04, 0x01), 0, 5, 1, out, 2))
                .hasMessage("RLE/bit-packed section [0, 5) outside the 2 bytes of its page");
    }
}
