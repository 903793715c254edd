package org.systemarena.datasets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Guesses how many rows a line-per-row text file (JSONL, CSV) holds from the length of its first lines, so that a
 * reader can size the log builder up front: growing the columns while loading millions of events copies every
 * column several times over and leaves that much garbage. Only a guess; the builder still grows if it is short.
 */
public final class ExpectedRows {
    /** Unknown: the builder's own default. */
    static final int UNKNOWN = 1024;
    private static final int SAMPLE_BYTES = 1 << 16;
    /** Caps the guess where a file's first lines are far shorter than the rest (the builder grows beyond it). */
    private static final int MAX_GUESS = 1 << 24;

    private ExpectedRows() {
    }

    /** The expected number of rows after {@code headerLines} header lines; {@link #UNKNOWN} when it cannot tell. */
    public static int of(Path file, int headerLines) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer sample = ByteBuffer.allocate((int) Math.min(SAMPLE_BYTES, size));
            while (sample.hasRemaining() && channel.read(sample) > 0) {
                // fill the sample
            }
            return estimate(sample.array(), sample.position(), size, headerLines);
        } catch (IOException e) {
            return UNKNOWN; // the reader itself reports a file it cannot read, with a better message
        }
    }

    /** The estimate from the first {@code length} bytes of a file of {@code size} bytes. */
    static int estimate(byte[] sample, int length, long size, int headerLines) {
        int lines = 0;
        int endOfLastLine = 0;
        for (int i = 0; i < length; i++) {
            if (sample[i] == '\n') {
                lines++;
                endOfLastLine = i + 1;
            }
        }
        if (length == size) { // the whole file: count, don't guess
            int rows = lines + (endOfLastLine < length ? 1 : 0) - headerLines;
            return Math.max(rows, 0);
        }
        if (lines <= headerLines) {
            return UNKNOWN;
        }
        double bytesPerLine = (double) endOfLastLine / lines;
        // 2% over: one more growth step at the very end would copy every column again.
        double guess = size / bytesPerLine * 1.02 - headerLines;
        return (int) Math.min(MAX_GUESS, Math.max(UNKNOWN, guess));
    }
}
