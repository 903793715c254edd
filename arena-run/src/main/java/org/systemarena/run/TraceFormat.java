package org.systemarena.run;

/** What {@code arena run --traces} writes per policy. */
public enum TraceFormat {
    NONE(""),
    PARQUET(".parquet"),
    JSONL(".jsonl");

    private final String extension;

    TraceFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
