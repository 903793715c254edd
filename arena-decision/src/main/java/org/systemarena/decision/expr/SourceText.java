package org.systemarena.decision.expr;

import org.systemarena.core.ArenaException;
import org.systemarena.core.OneLine;
import org.systemarena.core.manifest.SourcePosition;

/**
 * The text of one expression and where it was written, so that every error (parse, check or evaluation) can name
 * the file, line and column of the offending token and quote the whole expression.
 *
 * <p>Offsets are 0-based character indexes into the text. On the first line of the text the column is
 * {@code where.column + offset}; on later lines (multi-line YAML scalars) the line is {@code where.line + k} and the
 * column is the 1-based column inside that line of the text. When {@code where} has no line (built in code) the
 * text is taken to start at line 1, column 1.
 */
final class SourceText {
    private final String text;
    private final String file;
    private final int baseLine;
    private final int baseColumn;

    SourceText(String text, SourcePosition where) {
        this.text = text;
        SourcePosition at = where == null ? SourcePosition.UNKNOWN : where;
        this.file = at.file();
        boolean known = at.line() > 0;
        this.baseLine = known ? at.line() : 1;
        this.baseColumn = known ? Math.max(1, at.column()) : 1;
    }

    String text() {
        return text;
    }

    String file() {
        return file;
    }

    int line(int offset) {
        int line = baseLine;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int column(int offset) {
        int lineStart = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
        return lineStart == 0 ? baseColumn + offset : offset - lineStart + 1;
    }

    /** "line:column" of an offset, e.g. {@code 1:21}. */
    String lineColumn(int offset) {
        return line(offset) + ":" + column(offset);
    }

    /** An error at an offset: {@code file:line:column: message in: text}. */
    ArenaException error(int offset, String message) {
        return error(offset, message, null);
    }

    ArenaException error(int offset, String message, Throwable cause) {
        return new ArenaException(message + " in: " + quoted(),
                ArenaException.Location.line(file, line(offset), column(offset)), cause);
    }

    /**
     * The expression as messages quote it: whole up to {@value #QUOTED} characters, else its start and length, on
     * one line (the line breaks of a multi-line YAML scalar as {@code \n}).
     */
    String quoted() {
        return OneLine.value(text.length() <= QUOTED ? text
                : text.substring(0, QUOTED) + "... (" + text.length() + " characters)");
    }

    private static final int QUOTED = 200;
}
