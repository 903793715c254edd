package org.systemarena.datasets.io.parquet;

import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.datasets.io.Locator;

/** State shared by the column handlers of one Parquet read: the builder and the 1-based row being read. */
final class ParquetReadContext {
    final String source;
    final EventLogBuilder builder;
    long row;

    ParquetReadContext(String source, EventLogBuilder builder) {
        this.source = source;
        this.builder = builder;
    }

    ArenaException error(String message, String column, String value) {
        return new ArenaException(message, Location.row(source, row, column, value));
    }

    Locator locator() {
        return this::error;
    }
}
