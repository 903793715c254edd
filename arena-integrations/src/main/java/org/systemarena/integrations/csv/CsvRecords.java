package org.systemarena.integrations.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ArenaException;

/**
 * An RFC 4180 record tokenizer: quoted fields may hold delimiters, doubled quotes and line breaks. It tells a quoted
 * empty field ({@code ""}, an empty string) from an unquoted one (no value).
 */
final class CsvRecords {
    private final Reader in;
    private final String source;
    private final char delimiter;
    private final StringBuilder field = new StringBuilder();
    private int peeked = -2;
    private long line = 1;
    private long recordLine;
    private final java.util.BitSet quotedCells = new java.util.BitSet();

    CsvRecords(Reader in, String source, char delimiter) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
    }

    /** The physical line the last record started on. */
    long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record into {@code cells} (null for an unquoted empty field); false at the end of input. A
     * blank line is skipped.
     */
    boolean next(List<String> cells) throws IOException {
        cells.clear();
        quotedCells.clear();
        int c = read();
        while (c == '\r' || c == '\n') {
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
            c = read();
        }
        if (c < 0) {
            return false;
        }
        recordLine = line;
        while (true) {
            field.setLength(0);
            boolean quoted = false;
            if (c == '"') {
                quoted = true;
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw new ArenaException("unterminated quoted field",
                                ArenaException.Location.line(source, recordLine, cells.size() + 1));
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
                        }
                        field.append((char) c);
                    }
                }
                c = read();
                if (c >= 0 && c != delimiter && c != '\r' && c != '\n') {
                    throw new ArenaException("unexpected character '" + (char) c + "' after a closing quote",
                            ArenaException.Location.line(source, line, cells.size() + 1));
                }
            } else {
                while (c >= 0 && c != delimiter && c != '\r' && c != '\n') {
                    field.append((char) c);
                    c = read();
                }
            }
            quotedCells.set(cells.size(), quoted);
            cells.add(quoted || field.length() > 0 ? field.toString() : null);
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c == '\r' || c == '\n') {
                line++;
            }
            return true;
        }
    }

    /** Whether cell {@code i} of the last record was quoted. */
    boolean quoted(int i) {
        return quotedCells.get(i);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    static List<String> newRecord() {
        return new ArrayList<>();
    }
}
