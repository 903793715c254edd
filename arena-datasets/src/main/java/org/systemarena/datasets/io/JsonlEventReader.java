package org.systemarena.datasets.io;

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

    private JsonlEventReader(Path file, ColumnMapping mapping) {
        this.file = file;
        this.source = file.toString();
        this.mapping = mapping;
        this.builder = EventLog.builder(ExpectedRows.of(file, 0));
        this.row = new RowBuffer(builder);
    }

    public static EventLog read(Path file, ColumnMapping mapping) {
        return read(file, mapping, BUFFER_BYTES, true);
    }

    /**
     * {@code bufferBytes}: the initial line buffer (it grows for longer lines); {@code scan}: false has Jackson
     * read every line, the reference the scanner is tested against.
     */
    static EventLog read(Path file, ColumnMapping mapping, int bufferBytes, boolean scan) {
        return reader(file, mapping, bufferBytes, scan, MAX_LINE_BYTES).builder.build();
    }

    /** As {@link #read(Path, ColumnMapping, int, boolean)}, lines longer than {@code maxLineBytes} left to Jackson. */
    static EventLog read(Path file, ColumnMapping mapping, int bufferBytes, int maxLineBytes) {
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
                reader.readLines(bufferBytes, maxLineBytes);
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

    private void readLines(int bufferBytes, int maxLineBytes) throws IOException {
        JsonLineScanner scanner = new JsonLineScanner(mapping, row);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!startsLikeUtf8(channel)) { // UTF-16 or UTF-32, which Jackson detects: its stream reads it all
                streamFrom(channel, 0, 0);
                return;
            }
            byte[] buffer = new byte[Math.max(2, bufferBytes)];
            long bufferOffset = 0; // file offset of buffer[0]
            int start = 0; // the current line
            int limit = 0; // bytes read into the buffer
            boolean atEnd = false;
            long line = 0; // lines before the current one
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
                            streamFrom(channel, bufferOffset, line);
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
                    int n = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - 1 - limit));
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
                        streamFrom(channel, bufferOffset + start, line - 1);
                        return;
                    }
                    start = lineEnd < 0 ? limit : lineEnd + 1;
                }
            }
        }
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
    private static boolean startsLikeUtf8(FileChannel channel) throws IOException {
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
