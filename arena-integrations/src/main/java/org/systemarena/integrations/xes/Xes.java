package org.systemarena.integrations.xes;

import java.nio.file.Path;
import org.systemarena.core.EventLog;

/** Static entry points for XES (IEEE 1849) files; see {@link XesReader} and {@link XesWriter} for the mapping. */
public final class Xes {
    private Xes() {
    }

    /** Reads a {@code .xes} or {@code .xes.gz} file, converting UTC offsets correctly. */
    public static EventLog read(Path path) {
        return XesReader.create().read(path);
    }

    /** Reads a {@code .xes} or {@code .xes.gz} file with the given options (e.g. {@link XesOptions#pm4pyTimestamps()}). */
    public static EventLog read(Path path, XesOptions options) {
        return XesReader.create(options).read(path);
    }

    /** Writes XES (gzip-compressed when the name ends with {@code .gz}). */
    public static void write(EventLog log, Path path) {
        XesWriter.create().write(log, path);
    }
}
