package org.systemarena.core.manifest;

/** Where a manifest value was written: file, 1-based line and column (0 when built in code). */
public record SourcePosition(String file, int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition("<code>", 0, 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
