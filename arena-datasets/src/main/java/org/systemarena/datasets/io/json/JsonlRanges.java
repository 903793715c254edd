package org.systemarena.datasets.io.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.EmptyFiles;
import org.systemarena.datasets.io.ExpectedRows;

/**
 * Reads a large JSON Lines file on several threads: the file is cut into line-aligned byte ranges, each read by a
 * {@link JsonlEventReader} of its own into a builder of its own, and the builders are concatenated in range order
 * ({@link EventLogBuilder#concat}). Each range's dictionaries hold its strings in the order it first saw them, so
 * the concatenation's (range 0's strings, then range 1's new ones ...) are the file's first-seen order: the log is the
 * one a single reader makes, code for code.
 *
 * <p>Errors are the single reader's too. A range stops at its first bad line; after all ranges end, the first range
 * (in file order) that stopped decides: its error is made again by reading that range once more on the calling
 * thread, now that the ranges before it have counted their lines, so message, line and column are exactly those of
 * a sequential read (which reads every line before it the same way). A range that meets a line only Jackson's stream
 * reads (an object spread over several lines, a lone carriage return, a line past the scanner's limit) makes the
 * whole file be read by the single reader, which streams from there as it always has; so do small files and UTF-16
 * or UTF-32 ones.
 */
final class JsonlRanges {
    /** Files up to this size are read on one thread: a thread pool and a merge are not worth it. */
    static final long MIN_PARALLEL_BYTES = 8L << 20;
    /** How far past a cut point a line end is looked for before the cut is dropped. */
    private static final int PROBE_BYTES = 64 << 10;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private JsonlRanges() {
    }

    /**
     * Ranges per thread: more, smaller ranges than threads, so that a thread slowed by other work on the machine
     * reads fewer of them rather than holding up the others.
     */
    static final int RANGES_PER_THREAD = 4;
    /** Ranges are not cut smaller than this, unless there are only as many as threads. */
    static final long MIN_RANGE_BYTES = 1L << 20;

    /** How many ranges to cut a file of {@code size} bytes into for {@code threads} threads. */
    static int rangeCount(long size, int threads) {
        long bySize = size / MIN_RANGE_BYTES;
        return (int) Math.max(threads, Math.min((long) threads * RANGES_PER_THREAD, bySize));
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads with up to {@code threads} ranges when the file has at least {@code minParallelBytes} bytes (tests pass
     * 0 to force ranges on small files); otherwise, and when the ranges cannot be used, as one reader does.
     */
    public static EventLog read(Path file, ColumnMapping mapping, int threads, long minParallelBytes, int bufferBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        EventLog log = threads == 1 ? null : inRanges(file, mapping, threads, minParallelBytes, bufferBytes);
        return log != null ? log : JsonlEventReader.readSequential(file, mapping, bufferBytes);
    }

    /**
     * The log read in up to {@code threads} ranges, or null when the file is to be read by a single reader (it is
     * small, UTF-16 or UTF-32, has too few lines to cut, or a range met a line only Jackson's stream reads).
     */
    static EventLog inRanges(Path file, ColumnMapping mapping, int threads, long minParallelBytes, int bufferBytes) {
        return inRanges(file, mapping, threads, 0, minParallelBytes, bufferBytes);
    }

    /** As above, with {@code ranges} ranges (0: {@link #rangeCount}), for tests of more ranges than threads. */
    static EventLog inRanges(Path file, ColumnMapping mapping, int threads, int ranges, long minParallelBytes,
                             int bufferBytes) {
        long[] cuts;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Math.max(1, minParallelBytes) || !JsonlEventReader.startsLikeUtf8(channel)) {
                return null;
            }
            cuts = cuts(channel, size, ranges > 0 ? ranges : rangeCount(size, threads));
        } catch (IOException e) {
            return null; // the single reader reports it in its words
        }
        if (cuts.length < 3) {
            return null;
        }
        EventLogBuilder merged = readRanges(file, mapping, cuts, threads, bufferBytes);
        if (merged == null) {
            return null;
        }
        if (merged.size() == 0) {
            EmptyFiles.check(file);
        }
        return merged.build();
    }

    /**
     * Range boundaries: {@code 0}, the start of the first line at or after each of {@code threads - 1} evenly spaced
     * offsets, and {@code size}, strictly increasing (a cut that lands in the last line, or that no line end follows
     * within {@link #PROBE_BYTES}, is dropped).
     */
    static long[] cuts(FileChannel channel, long size, int threads) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        ByteBuffer probe = ByteBuffer.allocate(PROBE_BYTES);
        for (int i = 1; i < threads; i++) {
            long target = size / threads * i + Math.min(i, size % threads);
            long last = cuts.get(cuts.size() - 1);
            if (target <= last) {
                continue;
            }
            // The line that holds byte target - 1 ends at the first '\n' from there; the next one starts after it.
            probe.clear();
            long at = target - 1;
            int n = readFully(channel, probe, at);
            int newline = -1;
            for (int j = 0; j < n; j++) {
                if (probe.get(j) == '\n') {
                    newline = j;
                    break;
                }
            }
            if (newline >= 0) {
                long cut = at + newline + 1;
                if (cut > last && cut < size) {
                    cuts.add(cut);
                }
            }
        }
        cuts.add(size);
        long[] out = new long[cuts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cuts.get(i);
        }
        return out;
    }

    private static int readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** One range's reading: its reader, or what stopped it. */
    private static final class Range {
        final long from;
        final long to;
        JsonlEventReader reader;
        /** An error (an ArenaException for bad input), or null. */
        Throwable failure;

        Range(long from, long to) {
            this.from = from;
            this.to = to;
        }
    }

    /** The ranges' builders concatenated, or null when the single reader must read the file. */
    private static EventLogBuilder readRanges(Path file, ColumnMapping mapping, long[] cuts, int threads,
                                              int bufferBytes) {
        int count = cuts.length - 1;
        long size = cuts[count];
        int expected = ExpectedRows.of(file, 0);
        List<Range> ranges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranges.add(new Range(cuts[i], cuts[i + 1]));
        }
        int workers = Math.min(threads, count);
        ExecutorService pool = Executors.newFixedThreadPool(workers - 1, task -> {
            Thread t = new Thread(task, "arena-jsonl-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Ranges are claimed in file order by whichever thread is free (a thread that the machine's other work
        // slows down reads fewer of them); none past the first that failed or needs the stream is begun.
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stopAt = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < count && i <= stopAt.get(); ) {
                Range range = ranges.get(i);
                readRange(file, mapping, range, expected, size, bufferBytes);
                if (range.failure != null || range.reader.needsStream) {
                    stopAt.accumulateAndGet(i, Math::min);
                }
            }
        };
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                running.add(pool.submit(worker));
            }
            worker.run(); // this thread reads ranges too
            for (Future<?> f : running) {
                f.get();
            }
            List<EventLogBuilder> builders = new ArrayList<>(count);
            long linesBefore = 0;
            for (Range range : ranges) {
                if (range.reader == null && range.failure == null) {
                    return null; // not begun: after a range that stopped (not reached), so only in case of a bug
                }
                if (range.failure instanceof IOException) {
                    return null; // the single reader meets it too, and says so in its words
                }
                if (range.failure != null) {
                    throw again(file, mapping, range, linesBefore, bufferBytes);
                }
                if (range.reader.needsStream) {
                    return null;
                }
                linesBefore += range.reader.linesRead;
                builders.add(range.reader.builder());
                range.reader = null;
            }
            return EventLogBuilder.concat(builders);
        } catch (IOException e) {
            return null; // the single reader reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArenaException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // readRange catches everything; not reached
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one range, keeping any failure for {@link #readRanges} to weigh against the other ranges'. */
    private static void readRange(Path file, ColumnMapping mapping, Range range, int expected, long size,
                                  int bufferBytes) {
        try {
            int rows = (int) Math.min(Integer.MAX_VALUE - 8L, (long) ((double) expected * (range.to - range.from)
                    / size) + 1024);
            range.reader = new JsonlEventReader(file, mapping, rows);
            range.reader.readRange(bufferBytes, range.from, range.to, 0);
        } catch (Throwable e) { // bad input (ArenaException), or any failure a single reader would meet as well
            range.failure = e;
            range.reader = null;
        }
    }

    /**
     * The failure of the first range that failed, as a single reader meets it: the range is read again from its
     * start, its first line numbered after the lines of the ranges before it. Should that read not fail again
     * (a failure that was not the input's, such as running out of memory), the first failure is thrown.
     */
    private static RuntimeException again(Path file, ColumnMapping mapping, Range range, long linesBefore,
                                          int bufferBytes) throws IOException {
        Throwable first = range.failure;
        if (linesBefore > 0) {
            try {
                JsonlEventReader reader = new JsonlEventReader(file, mapping, 1024);
                reader.readRange(bufferBytes, range.from, range.to, linesBefore);
            } catch (ArenaException e) {
                return e;
            }
        }
        if (first instanceof RuntimeException e) {
            return e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(first);
    }
}
