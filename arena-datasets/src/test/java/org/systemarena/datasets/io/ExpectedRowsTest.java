package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedRowsTest {
    @TempDir
    Path dir;

    @Test
    void aFileInsideTheSampleIsCountedExactly() throws IOException {
        Path jsonl = write("a.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}"); // no newline after the last line
        assertThat(ExpectedRows.of(jsonl, 0)).isEqualTo(3);
        Path csv = write("a.csv", "case_id,timestamp\nL1,0\nL2,0\n");
        assertThat(ExpectedRows.of(csv, 1)).isEqualTo(2);
        assertThat(ExpectedRows.of(write("empty.jsonl", ""), 0)).isZero();
    }

    @Test
    void aLargerFileIsEstimatedFromItsFirstLinesWithALittleRoom() {
        byte[] sample = "0123456789\n".repeat(100).getBytes(StandardCharsets.US_ASCII); // 11 bytes a line
        // 1,100,000 bytes of 11-byte lines: 100,000 lines, 2% more.
        assertThat(ExpectedRows.estimate(sample, sample.length, 1_100_000, 0)).isEqualTo(102_000);
        assertThat(ExpectedRows.estimate(sample, sample.length, 1_100_000, 1)).isEqualTo(101_999);
        // Never below the builder's default, never above the cap.
        assertThat(ExpectedRows.estimate(sample, sample.length, 2_000, 0)).isEqualTo(ExpectedRows.UNKNOWN);
        assertThat(ExpectedRows.estimate(sample, sample.length, 1L << 40, 0)).isEqualTo(1 << 24);
    }

    @Test
    void withoutACompleteLineInTheSampleItCannotTell() {
        byte[] sample = "x".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertThat(ExpectedRows.estimate(sample, sample.length, 1_000_000, 0)).isEqualTo(ExpectedRows.UNKNOWN);
        byte[] header = "case_id,timestamp\nL1,0".getBytes(StandardCharsets.US_ASCII);
        assertThat(ExpectedRows.estimate(header, header.length, 1_000_000, 1)).isEqualTo(ExpectedRows.UNKNOWN);
        assertThat(ExpectedRows.of(dir.resolve("missing.jsonl"), 0)).isEqualTo(ExpectedRows.UNKNOWN);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
