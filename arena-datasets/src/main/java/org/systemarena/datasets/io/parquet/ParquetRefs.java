package org.systemarena.datasets.io.parquet;

/**
 * {@code object_refs} stored as a Parquet list of struct{type, id, role} (three-level LIST or the legacy
 * two-level form). The leaves share repetition levels, so they are read in lockstep, one entry at a time.
 */
final class ParquetRefs {
    private final String column;
    private final ParquetReadContext context;
    private final ParquetLeaves.Capture type;
    private final ParquetLeaves.Capture id;
    private final ParquetLeaves.Capture role; // may be null
    private final int entryDefinition;
    private final int elementDefinition;
    private long remaining;

    ParquetRefs(String column, ParquetReadContext context, ParquetLeaves.Capture type, ParquetLeaves.Capture id,
                ParquetLeaves.Capture role, int entryDefinition, int elementDefinition) {
        this.column = column;
        this.context = context;
        this.type = type;
        this.id = id;
        this.role = role;
        this.entryDefinition = entryDefinition;
        this.elementDefinition = elementDefinition;
    }

    /** Called after the column readers of a new row group are bound. */
    void startRowGroup() {
        remaining = type.reader.totalValueCount();
        // The leaves are read in lockstep, so a shorter one would be read past its end.
        if (id.reader.totalValueCount() != remaining
                || (role != null && role.reader.totalValueCount() != remaining)) {
            throw new ParquetColumn.Corrupt(column, "its type, id and role column chunks hold different numbers"
                    + " of values", null);
        }
    }

    void readRow() {
        if (remaining <= 0) {
            throw new ParquetColumn.Corrupt(column, "the column chunk ends before the row group's last row", null);
        }
        do {
            int def = type.reader.definitionLevel();
            if (def >= elementDefinition) {
                String t = type.current();
                String i = id.current();
                String r = role == null ? null : role.current();
                if (t == null || i == null) {
                    throw context.error("object reference needs a type and an id", column,
                            "{type=" + t + ", id=" + i + ", role=" + r + "}");
                }
                context.builder.objectRef(t, i, r);
            } else if (def >= entryDefinition) {
                throw context.error("null element in the object reference list", column, null);
            }
            type.reader.consume();
            id.reader.consume();
            if (role != null) {
                role.reader.consume();
            }
            remaining--;
        } while (remaining > 0 && type.reader.repetitionLevel() > 0);
    }
}
