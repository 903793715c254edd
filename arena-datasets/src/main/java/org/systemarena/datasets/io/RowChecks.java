package org.systemarena.datasets.io;

/** The fields every event needs, checked before a buffered row goes to the builder, and its logged propensity after. */
public final class RowChecks {
    private RowChecks() {
    }

    public static void emit(RowBuffer row, ColumnMapping mapping, Locator at) {
        String id = row.caseId;
        if (id == null) {
            throw at.error("missing case id", mapping.caseIdColumn(), null);
        }
        if (id.isBlank()) {
            // A case id of spaces would become a case of its own, merging unrelated rows: as wrong as an empty one.
            throw id.isEmpty() ? at.error("empty case id", mapping.caseIdColumn(), null)
                    : at.error("blank case id (only spaces)", mapping.caseIdColumn(), id);
        }
        if (!row.hasTimestamp) {
            throw at.error("missing timestamp", mapping.timestampColumn(), null);
        }
        String type = row.eventType;
        if (type == null || type.isBlank()) {
            throw at.error(type == null ? "missing event type" : "blank event type", mapping.eventTypeColumn(), type);
        }
        row.emit();
        row.checkPropensity(mapping, at);
    }
}
