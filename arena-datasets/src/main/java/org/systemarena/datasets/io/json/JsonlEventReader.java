package org.systemarena.datasets.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.EmptyFiles;
import org.systemarena.datasets.io.ExpectedRows;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.RowChecks;

/**
 * Reads JSON Lines (one event object per line) in one streaming pass. Each line is first offered to
 * {@link JsonLineScanner}, which reads the common shape of machine-written events straight from the bytes; a line
 * it does not take (escapes, non-ASCII text, unusual numbers or timestamps, and every line with an error) is read by
 * Jackson's streaming parser, so what is accepted and what an error says are Jackson's. Should a line not hold
 * exactly one object (an object spread over several lines, two objects on one line) or hold a carriage return that
 * Jackson counts as a line break, Jackson streams the rest of the file from there, as it reads any sequence of JSON
 * objects. Blank lines are skipped; anything that is not an object at the top level is an error.
 */
public final class JsonlEventReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /**
     * Small enough that the buffer, and the JDK's direct buffer the channel reads into first, stay in the core's
     * cache beside the scanner's tables (a 1 MiB buffer evicted them: 4-12% slower in paired runs).
     */
    private static final int BUFFER_BYTES = 64 << 10;
    /**
     * The longest line the scanner holds in memory; a longer one is left to Jackson's stream, which reads it a token
     * at a time and refuses values beyond its limits (so memory follows the file's values, and a line of gigabytes
     * does not overflow the buffer's int size).
     */
    static final int MAX_LINE_BYTES = 16 << 20;
    /** Not a scanner answer: the line goes on past the bytes in the buffer, so more are read first. */
    private static final int MORE = -1;
    private static final Pattern EMBEDDED_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private final Path file;
    private final String source;
    private final ColumnMapping mapping;
    private final EventLogBuilder builder;
    private final RowBuffer row;
    private final RowLocator rowLocator = new RowLocator();
    /** Events the scanner read itself, not Jackson: for tests that the fast path takes what it should. */
    private long scannedEvents;
    /**
     * Reading one range of a file read in parallel ({@link JsonlRanges}): a line only Jackson's stream reads ends
     * the reading there ({@link #needsStream}) instead of streaming the rest of the file.
     */
    private boolean inRange;
    /** The range's reading stopped at a line that only Jackson's stream reads. */
    boolean needsStream;
    /** The number of the last line read, once {@link #readLines} has read them all. */
    long linesRead;

    private JsonlEventReader(Path file, ColumnMapping mapping) {
        this(file, mapping, ExpectedRows.of(file, 0));
    }

    JsonlEventReader(Path file, ColumnMapping mapping, int expectedRows) {
        this.file = file;
        this.source = file.toString();
        this.mapping = mapping;
        this.builder = EventLog.builder(expectedRows);
        this.row = new RowBuffer(builder);
    }

    /** Reads the file, a large one on as many threads as the machine has cores (see {@link JsonlRanges}). */
    public static EventLog read(Path file, ColumnMapping mapping) {
        return read(file, mapping, JsonlRanges.defaultThreads());
    }

    /**
     * Reads the file, one of more than {@link JsonlRanges#MIN_PARALLEL_BYTES} in {@code threads} line-aligned ranges
     * at once: the log, or the error, is exactly the one reading it on one thread gives.
     */
    public static EventLog read(Path file, ColumnMapping mapping, int threads) {
        return JsonlRanges.read(file, mapping, threads, JsonlRanges.MIN_PARALLEL_BYTES, BUFFER_BYTES);
    }

    /** The reading on one thread. */
    static EventLog readSequential(Path file, ColumnMapping mapping, int bufferBytes) {
        return read(file, mapping, bufferBytes, true);
    }

    /** Reads the bytes {@code [from, to)}, line {@code linesBefore + 1} first, as one range of a parallel read. */
    void readRange(int bufferBytes, long from, long to, long linesBefore) throws IOException {
        inRange = true;
        readLines(bufferBytes, MAX_LINE_BYTES, from, to, linesBefore);
    }

    EventLogBuilder builder() {
        return builder;
    }

    /**
     * {@code bufferBytes}: the initial line buffer (it grows for longer lines); {@code scan}: false has Jackson
     * read every line, the reference the scanner is tested against.
     */
    public static EventLog read(Path file, ColumnMapping mapping, int bufferBytes, boolean scan) {
        return reader(file, mapping, bufferBytes, scan, MAX_LINE_BYTES).builder.build();
    }

    /** As {@link #read(Path, ColumnMapping, int, boolean)}, lines longer than {@code maxLineBytes} left to Jackson. */
    public static EventLog read(Path file, ColumnMapping mapping, int bufferBytes, int maxLineBytes) {
        return reader(file, mapping, bufferBytes, true, maxLineBytes).builder.build();
    }

    /** How many of the file's events the scanner reads itself; the others are Jackson's to read. */
    static long scannedEvents(Path file, ColumnMapping mapping) {
        return reader(file, mapping, BUFFER_BYTES, true, MAX_LINE_BYTES).scannedEvents;
    }

    private static JsonlEventReader reader(Path file, ColumnMapping mapping, int bufferBytes, boolean scan,
                                           int maxLineBytes) {
        JsonlEventReader reader = new JsonlEventReader(file, mapping);
        try {
            if (scan) {
                reader.readLines(bufferBytes, maxLineBytes, 0, Long.MAX_VALUE, 0);
            } else {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    reader.streamFrom(channel, 0, 0);
                }
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + reader.source + ": " + e.getMessage(), e);
        }
        if (reader.builder.size() == 0) {
            EmptyFiles.check(file);
        }
        return reader;
    }

    /**
     * Reads the lines of the file's bytes {@code [from, to)} ({@code from} the start of a line, {@code to} the end of
     * one or past the end of the file), the first one numbered {@code linesBefore + 1}.
     */
    private void readLines(int bufferBytes, int maxLineBytes, long from, long to, long linesBefore)
            throws IOException {
        JsonLineScanner scanner = new JsonLineScanner(mapping, row);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // UTF-16 or UTF-32, which Jackson detects: its stream reads it all (ranges are only made of UTF-8 files)
            if (!inRange && !startsLikeUtf8(channel)) {
                streamFrom(channel, 0, 0);
                return;
            }
            byte[] buffer = new byte[Math.max(2, bufferBytes)];
            long bufferOffset = from; // file offset of buffer[0]
            int start = 0; // the current line
            int limit = 0; // bytes read into the buffer
            boolean atEnd = false;
            long line = linesBefore; // lines before the current one
            while (start < limit || !atEnd) {
                row.clear();
                int result = start == limit ? MORE : scanner.read(buffer, start, limit, atEnd);
                int lineEnd = -1;
                if (result == JsonLineScanner.OTHER) {
                    lineEnd = JsonLineScanner.indexOf(buffer, (byte) '\n', start, limit);
                    if (lineEnd < 0 && !atEnd) {
                        result = MORE; // cut off at the buffer's end: read the rest, then offer the whole line again
                    }
                }
                if (result == MORE) {
                    if (start == 0 && limit == buffer.length - 1) {
                        if (buffer.length >= maxLineBytes) {
                            stream(channel, bufferOffset, line);
                            return;
                        }
                        buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                    } else {
                        System.arraycopy(buffer, start, buffer, 0, limit - start);
                        bufferOffset += start;
                        limit -= start;
                        start = 0;
                    }
                    // One byte stays free for the scanner's stop byte after the data.
                    int room = (int) Math.min(buffer.length - 1 - limit, to - bufferOffset - limit);
                    int n = room == 0 ? -1 : channel.read(ByteBuffer.wrap(buffer, limit, room), bufferOffset + limit);
                    if (n < 0) {
                        atEnd = true;
                    } else {
                        limit += n;
                    }
                    buffer[limit] = 0;
                    continue;
                }
                line++;
                if (result == JsonLineScanner.EVENT) {
                    RowChecks.emit(row, mapping, rowLocator.at(line));
                    scannedEvents++;
                    start = scanner.next();
                } else if (result == JsonLineScanner.BLANK) {
                    start = scanner.next();
                } else {
                    int end = lineEnd < 0 ? limit : lineEnd;
                    row.clear();
                    if (!jacksonLine(buffer, start, end, line)) {
                        stream(channel, bufferOffset + start, line - 1);
                        return;
                    }
                    start = lineEnd < 0 ? limit : lineEnd + 1;
                }
            }
            linesRead = line;
        }
    }

    /** Jackson's stream reads the rest of the file from there; a range's reading stops for its caller to decide. */
    private void stream(FileChannel channel, long offset, long linesBefore) throws IOException {
        if (inRange) {
            needsStream = true;
            return;
        }
        streamFrom(channel, offset, linesBefore);
    }

    /**
     * Jackson reads one line; false, with nothing emitted, when the line does not hold exactly one well-formed object
     * (it ends inside one, another value follows, or it is malformed).
     */
    private boolean jacksonLine(byte[] buffer, int from, int to, long line) throws IOException {
        if (hasLoneCarriageReturn(buffer, from, to)) {
            return false; // Jackson counts it as a line break: its stream keeps the line numbers right
        }
        try (JsonParser p = FACTORY.createParser(buffer, from, to - from)) {
            Locator at = (message, column, value) -> new ArenaException(message,
                    new Location(source, line, p.currentTokenLocation().getColumnNr(), column, value));
            JsonToken t = p.nextToken();
            if (t == null) {
                return true;
            }
            if (t != JsonToken.START_OBJECT) {
                throw at.error("expected one JSON object per line, got " + JsonEvents.describe(t), null,
                        JsonEvents.shown(p));
            }
            JsonEvents.readEvent(p, mapping, row, at);
            if (p.nextToken() != null) {
                return false;
            }
            RowChecks.emit(row, mapping, rowLocator.at(line));
            return true;
        } catch (StreamReadException | StreamConstraintsException e) {
            // Not one whole object (it may go on over the next lines), malformed, or beyond Jackson's limits: its
            // stream says which, with the message and position it gives when it reads the file from the start.
            return false;
        }
    }

    /** Jackson streams the rest of the file from {@code offset}, the start of line {@code linesBefore + 1}. */
    private void streamFrom(FileChannel channel, long offset, long linesBefore) throws IOException {
        channel.position(offset);
        // Jackson reads 8000 bytes at a time; a larger buffer in front saves most of the read calls.
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        try (JsonParser p = FACTORY.createParser(in)) {
            Locator at = (message, column, value) -> {
                JsonLocation loc = p.currentTokenLocation();
                return new ArenaException(message,
                        new Location(source, linesBefore + loc.getLineNr(), loc.getColumnNr(), column, value));
            };
            try {
                ParserBase base = p instanceof ParserBase b ? b : null;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t != JsonToken.START_OBJECT) {
                        throw at.error("expected one JSON object per line, got " + JsonEvents.describe(t), null,
                                JsonEvents.shown(p));
                    }
                    // The line of the object, for errors about the row as a whole (a missing case id ...).
                    long line = linesBefore + (base != null ? base.getTokenLineNr()
                            : p.currentTokenLocation().getLineNr());
                    row.clear();
                    JsonEvents.readEvent(p, mapping, row, at);
                    RowChecks.emit(row, mapping, rowLocator.at(line));
                }
            } catch (StreamConstraintsException e) {
                throw JsonEvents.tooLarge(e, p, source, linesBefore);
            }
        } catch (StreamReadException e) {
            throw malformed(e, linesBefore);
        }
    }

    /** Errors about a row as a whole (a missing case id ...), naming its line; one instance for every row. */
    private final class RowLocator implements Locator {
        private long line;

        RowLocator at(long rowLine) {
            line = rowLine;
            return this;
        }

        @Override
        public ArenaException error(String message, String column, String value) {
            return new ArenaException(message, Location.row(source, line, column, value));
        }
    }

    private ArenaException malformed(StreamReadException e, long linesBefore) {
        JsonLocation loc = e.getLocation();
        return new ArenaException("malformed JSON: " + fileLines(e.getOriginalMessage(), linesBefore),
                Location.line(source, loc == null ? 0 : linesBefore + loc.getLineNr(), loc == null ? 0
                        : loc.getColumnNr()), e);
    }

    /**
     * Jackson's message with the locations it embeds ("for Object starting at [Source: ...; line: 1, column: 1]")
     * as lines of the file: Jackson counts from where it started reading.
     */
    static String fileLines(String message, long linesBefore) {
        Matcher m = EMBEDDED_LOCATION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "line " + (linesBefore + Long.parseLong(m.group(1))) + ", column " + m.group(2));
        }
        return m.appendTail(out).toString();
    }

    /** False for a UTF-16 or UTF-32 start: a byte order mark of those, or a zero byte among the first four. */
    static boolean startsLikeUtf8(FileChannel channel) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(4);
        while (start.hasRemaining() && channel.read(start) > 0) {
            // fill
        }
        channel.position(0);
        byte[] b = start.array();
        int n = start.position();
        if (n >= 2 && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLoneCarriageReturn(byte[] buffer, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] != '\n') {
                return true;
            }
        }
        return false;
    }
}
