package org.systemarena.core.input;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * The one RFC 4180 tokenizer of System Arena's CSV readers (event files and PM4Py CSV): fields separated by one
 * delimiter char, optionally in double quotes (which may hold delimiters, line breaks and doubled quotes), records
 * ending in CRLF, LF or CR. Remembers whether each field was quoted, because quoted values are never typed by
 * content and a quoted empty field is an empty string where an unquoted one is no value. Lines with no characters
 * at all are skipped.
 *
 * <p>A record's fields are kept as ranges of one char array ({@link #chars}, {@link #start}, {@link #length}),
 * copied from the input a run at a time: a reader can map a field's chars straight to a code, and makes a String
 * only when it needs one ({@link #text}). A record holds at most {@link #MAX_RECORD_CHARS} characters and
 * {@link #MAX_FIELDS} fields, so that a quote never closed does not take the rest of the file into memory.
 *
 * <p>Syntax errors are {@link ArenaException}s; where they are is the reader's choice ({@link RecordPlace}), and the
 * message adds the physical line and field where the record's place alone would not find it.
 */
public final class CsvTokenizer {
    public static final int MAX_RECORD_CHARS = 16 << 20;
    public static final int MAX_FIELDS = 100_000;

    /** Where an error in a record is, for the reader's messages. */
    @FunctionalInterface
    public interface RecordPlace {
        /**
         * @param record the record's index, 0 for the first (the header)
         * @param line the physical line the record starts on (1-based)
         */
        Location of(long record, long line);
    }

    private final Reader in;
    private final char delimiter;
    private final RecordPlace place;
    private final char[] buffer;
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    /** Records started, the header included. */
    private long records;
    /** The current record's field contents, one after another. */
    private char[] chars = new char[256];
    private int used;
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private boolean[] quoted = new boolean[16];
    private int count;

    private CsvTokenizer(Reader in, char delimiter, RecordPlace place, int bufferChars) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.place = place;
        this.buffer = new char[bufferChars];
    }

    /** Reads {@code in} (buffered here: a plain reader is enough) a run of 64 Ki chars at a time. */
    public static CsvTokenizer of(Reader in, char delimiter, RecordPlace place) {
        return of(in, delimiter, place, 1 << 16);
    }

    /** {@code bufferChars}: how much input is read at a time (tests use tiny buffers). */
    public static CsvTokenizer of(Reader in, char delimiter, RecordPlace place, int bufferChars) {
        return new CsvTokenizer(in, delimiter, place, bufferChars);
    }

    /** The line the last record started on (1-based). */
    public long recordLine() {
        return recordLine;
    }

    /** How many fields the current record has. */
    public int count() {
        return count;
    }

    /** The current record's field contents, one after another: field {@code i} is at {@link #start}. */
    public char[] chars() {
        return chars;
    }

    /** Where field {@code i} starts in {@link #chars}. */
    public int start(int i) {
        return starts[i];
    }

    /** How many chars field {@code i} has. */
    public int length(int i) {
        return lengths[i];
    }

    /** Whether field {@code i} was in quotes (so {@code ""} is an empty string, and an empty field no value). */
    public boolean quoted(int i) {
        return quoted[i];
    }

    /** Field {@code i} of the current record as a String. */
    public String text(int i) {
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
    public boolean next() throws IOException {
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
                if (c != delimiter && c != '\n' && c != '\r' && c != -1) {
                    throw error("unexpected character '" + (char) c + "' after a closing quote (line " + line
                            + ", field " + (count + 1) + ")");
                }
            } else if (c != delimiter && c != '\n' && c != '\r' && c != -1) {
                put((char) c);
                copyRun(false);
                c = read();
            }
            add(start, isQuoted);
            if (c == delimiter) {
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
     * Copies the input up to the next char that ends a run (a quote or line break inside quotes; the delimiter or
     * a line break outside them), leaving that char unread.
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
                char d = delimiter;
                for (char ch; i < end && (ch = b[i]) != d && ch != '\n' && ch != '\r'; ) {
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

    /** An error in the current record, at the place the reader gives it. */
    private ArenaException error(String message) {
        return new ArenaException(message, place.of(records - 1, recordLine));
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
