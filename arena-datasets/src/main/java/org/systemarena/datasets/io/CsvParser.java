package org.systemarena.datasets.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes (which may hold commas, newlines and
 * doubled quotes), records ending in CRLF or LF. Remembers whether each field was quoted, because quoted values are
 * never typed by content. Lines with no characters at all are skipped.
 *
 * <p>A record's fields are kept as ranges of one char array ({@link #chars}, {@link #starts}, {@link #lengths}),
 * copied from the input a run at a time: a reader can map a field's chars straight to a code, and makes a String
 * only when it needs one ({@link #text}). A record holds at most {@link #MAX_RECORD_CHARS} characters and
 * {@link #MAX_FIELDS} fields, so that a quote never closed does not take the rest of the file into memory.
 *
 * <p>Errors name the data row (the records after the first, the header) and the line.
 */
final class CsvParser {
    static final int MAX_RECORD_CHARS = 16 << 20;
    static final int MAX_FIELDS = 100_000;

    private final Reader in;
    private final String source;
    private final char[] buffer;
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    /** Records started, the header included. */
    private long records;
    /** The current record's field contents, one after another. */
    char[] chars = new char[256];
    private int used;
    int[] starts = new int[16];
    int[] lengths = new int[16];
    boolean[] quoted = new boolean[16];
    int count;

    CsvParser(Reader in, String source) {
        this(in, source, 1 << 16);
    }

    /** {@code bufferChars}: how much input is read at a time (tests use tiny buffers). */
    CsvParser(Reader in, String source, int bufferChars) {
        this.in = in;
        this.source = source;
        this.buffer = new char[bufferChars];
    }

    /** The line the last record started on (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** Field {@code i} of the current record as a String. */
    String text(int i) {
        return new String(chars, starts[i], lengths[i]);
    }

    /** False at the end of the input; else the buffer has input at {@link #pos}. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private int read() throws IOException {
        return fill() ? buffer[pos++] : -1;
    }

    private int peek() throws IOException {
        return fill() ? buffer[pos] : -1;
    }

    /** Reads the next record into the fields; false at the end of input. */
    boolean next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') { // empty lines
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
            c = read();
        }
        if (c == -1) {
            return false;
        }
        recordLine = line;
        records++;
        count = 0;
        used = 0;
        while (true) {
            int start = used;
            boolean isQuoted = c == '"';
            if (isQuoted) {
                long startLine = line;
                while (true) {
                    copyRun(true);
                    c = read();
                    if (c == -1) {
                        throw error("unterminated quoted field (opened on line " + startLine + ")");
                    }
                    if (c == '"') {
                        if (peek() != '"') {
                            break;
                        }
                        read(); // a doubled quote stands for one
                    } else if (c == '\n' || c == '\r' && peek() != '\n') {
                        line++; // a line break inside the field (CRLF counts at its LF)
                    }
                    put((char) c);
                }
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw error("unexpected character '" + (char) c + "' after a closing quote (line " + line
                            + ", field " + (count + 1) + ")");
                }
            } else if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                put((char) c);
                copyRun(false);
                c = read();
            }
            add(start, isQuoted);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != -1) {
                line++;
            }
            return true;
        }
    }

    /**
     * Copies the input up to the next char that ends a run (a quote or line break inside quotes; a comma or line
     * break outside them), leaving that char unread.
     */
    private void copyRun(boolean insideQuotes) throws IOException {
        while (fill()) {
            char[] b = buffer;
            int i = pos;
            int end = limit;
            if (insideQuotes) {
                for (char ch; i < end && (ch = b[i]) != '"' && ch != '\n' && ch != '\r'; ) {
                    i++;
                }
            } else {
                for (char ch; i < end && (ch = b[i]) != ',' && ch != '\n' && ch != '\r'; ) {
                    i++;
                }
            }
            append(b, pos, i);
            pos = i;
            if (i < end) {
                return;
            }
        }
    }

    /** An error in the current record: its data row, none for the header. */
    private ArenaException error(String message) {
        return new ArenaException(message, Location.row(source, records - 1, null, null));
    }

    private void tooLong() {
        throw error(String.format(java.util.Locale.ROOT, "the record that starts on line %,d is longer than %,d"
                + " characters (a quote never closed?)", recordLine, MAX_RECORD_CHARS));
    }

    private void append(char[] from, int start, int end) {
        int n = end - start;
        if (used + n > MAX_RECORD_CHARS) {
            tooLong();
        }
        if (used + n > chars.length) {
            chars = Arrays.copyOf(chars, Math.min(MAX_RECORD_CHARS, Math.max(used + n, chars.length * 2)));
        }
        System.arraycopy(from, start, chars, used, n);
        used += n;
    }

    private void put(char c) {
        if (used == MAX_RECORD_CHARS) {
            tooLong();
        }
        if (used == chars.length) {
            chars = Arrays.copyOf(chars, Math.min(MAX_RECORD_CHARS, chars.length * 2));
        }
        chars[used++] = c;
    }

    private void add(int start, boolean isQuoted) {
        if (count == MAX_FIELDS) {
            throw error(String.format(java.util.Locale.ROOT, "the record that starts on line %,d has more than %,d"
                    + " fields", recordLine, MAX_FIELDS));
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = start;
        lengths[count] = used - start;
        quoted[count] = isQuoted;
        count++;
    }
}
