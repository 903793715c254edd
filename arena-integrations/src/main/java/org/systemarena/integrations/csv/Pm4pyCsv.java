package org.systemarena.integrations.csv;

import java.nio.file.Path;
import org.systemarena.core.EventLog;

/** Static entry points for event-log CSV in PM4Py's column names; see {@link Pm4pyCsvReader}, {@link Pm4pyCsvWriter}. */
public final class Pm4pyCsv {
    private Pm4pyCsv() {
    }

    public static EventLog read(Path path) {
        return Pm4pyCsvReader.create().read(path);
    }

    public static EventLog read(Path path, CsvOptions options) {
        return Pm4pyCsvReader.create(options).read(path);
    }

    public static void write(EventLog log, Path path) {
        Pm4pyCsvWriter.create().write(log, path);
    }
}
