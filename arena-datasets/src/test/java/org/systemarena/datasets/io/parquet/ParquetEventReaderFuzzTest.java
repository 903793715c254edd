package org.systemarena.datasets.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.FuzzLoop;
import org.systemarena.datasets.FuzzLoop.Budget;
import org.systemarena.datasets.FuzzLoop.Input;
import org.systemarena.datasets.FuzzLoop.Tally;
import org.systemarena.datasets.FuzzSamples;
import org.systemarena.datasets.Mutator;
import org.systemarena.datasets.Mutator.Mutated;

/**
 * Random mutations of small valid Parquet logs (#17 item 7), half of them in the footer, and the footer's length and
 * magic: each loads (parquet-java may accept a corrupt value) or ends in one ArenaException that starts with the
 * file's path, never another exception, running out of memory or a hang. Seeded, and bounded in time.
 */
class ParquetEventReaderFuzzTest {
    /** Byte runs that read as huge Thrift varints: lengths, counts and sizes far beyond the file. */
    private static final byte[][] VARINTS = {{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
        {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F},
        {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, 0x01}, {0x01}, {0x00}};

    @TempDir
    Path dir;

    @Test
    void mutatedParquetLoadsOrFailsAtItsPlace() throws IOException {
        List<byte[]> valid = new ArrayList<>();
        for (EventLog log : FuzzSamples.logs()) {
            Path file = dir.resolve("sample.parquet");
            Datasets.writeParquet(log, file);
            valid.add(Files.readAllBytes(file));
        }
        Tally tally = FuzzLoop.run("Parquet", new Budget(2026_12_08L, 1_000, 30_000, 8_000),
                dir.resolve("events.parquet"), random -> new Input(mutate(valid.get(random.nextInt(valid.size())),
                        random), false),
                (f, index) -> FuzzLoop.walk(Datasets.loadEventLog(f, index % 2 == 0 ? null : FuzzSamples.MANIFEST)));
        assertThat(tally.loaded()).as("loaded").isGreaterThan(tally.cases() / 100);
        assertThat(tally.errors()).as("errors").isGreaterThan(tally.cases() / 2);
    }

    private static Mutated mutate(byte[] valid, SplittableRandom random) {
        int footerLength = ByteBuffer.wrap(valid, valid.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footer = valid.length - 8 - footerLength;
        Mutator mutator = new Mutator(random, List.of("PAR1", "PAR0"), List.of());
        Mutated m = random.nextInt(4) == 0 ? new Mutated(valid, List.of()) : mutator.mutate(valid, 3, footer);
        byte[] b = m.bytes().clone();
        switch (b.length < 12 ? 3 : random.nextInt(4)) {
            case 0 -> {
                // The footer's length: zero, negative, beyond the file, off by one, or any.
                int[] lengths = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, b.length, b.length - 8,
                    b.length - 7, footerLength + 1, footerLength - 1, random.nextInt()};
                int length = lengths[random.nextInt(lengths.length)];
                ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
                return Mutator.with(m, b, "footer length " + length);
            }
            case 1 -> {
                int at = random.nextBoolean() ? 0 : b.length - 4;
                b[at + random.nextInt(4)] ^= (byte) (1 + random.nextInt(255));
                return Mutator.with(m, b, "magic at " + at + " changed");
            }
            case 2 -> {
                // A size, count or offset in the footer's Thrift read as a huge number.
                byte[] v = VARINTS[random.nextInt(VARINTS.length)];
                int at = footer + random.nextInt(Math.max(1, b.length - 8 - footer - v.length));
                if (at < 0 || at + v.length > b.length) {
                    return m;
                }
                System.arraycopy(v, 0, b, at, v.length);
                return Mutator.with(m, b, "varint " + Mutator.show(v) + " written at " + at);
            }
            default -> {
                return m.edits().isEmpty() ? mutator.mutate(valid, 1) : m;
            }
        }
    }
}
