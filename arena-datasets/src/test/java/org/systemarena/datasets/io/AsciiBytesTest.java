package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link AsciiBytes#stringStop} reads eight bytes per step; a byte-by-byte scan is the reference. */
class AsciiBytesTest {
    private static int reference(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            int c = b[i] & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7F) {
                return i;
            }
        }
        return limit;
    }

    @Test
    void everyByteValueStopsAStringExactlyWhenItShould() {
        for (int value = 0; value < 256; value++) {
            for (int at = 0; at < 20; at++) {
                byte[] b = new byte[24];
                Arrays.fill(b, (byte) 'a');
                b[at] = (byte) value;
                for (int from : new int[] {0, 1, 3}) {
                    for (int limit : new int[] {at, at + 1, b.length}) {
                        if (from <= limit) {
                            assertThat(AsciiBytes.stringStop(b, from, limit)).as("byte %d at %d, from %d to %d",
                                    value, at, from, limit).isEqualTo(reference(b, from, limit));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aStopAfterAnotherSpecialByteIsFoundAtTheFirst() {
        // Borrows and carries between the bytes of a word must not move the first stop.
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                for (int at : new int[] {0, 3, 6}) {
                    byte[] b = new byte[16];
                    Arrays.fill(b, (byte) 'm');
                    b[at] = (byte) first;
                    b[at + 1] = (byte) second;
                    assertThat(AsciiBytes.stringStop(b, 0, b.length)).isEqualTo(reference(b, 0, b.length));
                }
            }
        }
    }
}
