package org.systemarena.datasets.io;

/** The fields every event needs, checked before a buffered row goes to the builder. */
final class RowChecks {
    private RowChecks() {
    }

    static void emit(RowBuffer row, ColumnMapping mapping, Locator at) {
        if (row.caseId == null || row.caseId.isEmpty()) {
            throw at.error(row.caseId == null ? "missing case id" : "empty case id", mapping.caseIdColumn(), null);
        }
        if (!row.hasTimestamp) {
            throw at.error("missing timestamp", mapping.timestampColumn(), null);
        }
        String type = row.eventType;
        if (type == null || type.isBlank()) {
            throw at.error(type == null ? "missing event type" : "blank event type", mapping.eventTypeColumn(), type);
        }
        row.emit();
    }
}
