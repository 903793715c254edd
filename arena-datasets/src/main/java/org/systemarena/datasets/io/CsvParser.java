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
 */
final class CsvParser {
    private final Reader in;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();
    String[] fields = new String[16];
    boolean[] quoted = new boolean[16];
    int count;

    CsvParser(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The line the last record started on (1-based). */
    long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos];
    }

    /** Reads the next record into {@link #fields}; false at the end of input. */
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
        count = 0;
        while (true) {
            field.setLength(0);
            boolean isQuoted = false;
            if (c == '"') {
                isQuoted = true;
                long startLine = line;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new ArenaException("unterminated quoted field (opened on line " + startLine + ")",
                                Location.of(source));
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        } else if (c == '\r') {
                            if (peek() != '\n') {
                                line++;
                            }
                        }
                        field.append((char) c);
                    }
                }
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new ArenaException("unexpected character '" + (char) c + "' after a closing quote "
                            + "(line " + line + ", field " + (count + 1) + ")", Location.row(source, line, null, null));
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    field.append((char) c);
                    c = read();
                }
            }
            add(field.toString(), isQuoted);
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

    private void add(String value, boolean isQuoted) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        fields[count] = value;
        quoted[count] = isQuoted;
        count++;
    }
}
