package org.systemarena.cli;

/** What {@code arena run --traces} writes per policy. */
enum TraceFormat {
    NONE(""),
    PARQUET(".parquet"),
    JSONL(".jsonl");

    private final String extension;

    TraceFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
