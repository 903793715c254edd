package org.systemarena.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;

/** Loading a workflow directory, with a progress line for big logs. */
final class Workflows {
    private Workflows() {
    }

    static Workflow load(Path dir, boolean progress, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            throw new ArenaException(Files.exists(dir) ? "not a directory (expected a workflow directory with"
                    + " manifest.yaml and data/)" : "workflow directory not found", Location.of(dir.toString()));
        }
        Path log = logFile(dir);
        String label = "loading " + (log == null ? dir : dir.relativize(log)) + (log == null ? "" : " (" + size(log)
                + ")");
        try (Progress p = Progress.of(progress, err, label)) {
            return Datasets.loadWorkflow(dir);
        }
    }

    /** The workflow's log file, or null when there is not exactly one (loading then says what is wrong). */
    static Path logFile(Path dir) {
        Path found = null;
        for (String name : Datasets.WORKFLOW_LOG_NAMES) {
            Path candidate = dir.resolve("data").resolve(name);
            if (Files.exists(candidate)) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
