package org.systemarena.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.systemarena.datasets.Datasets;

/** The files of a workflow folder, found the way {@link Datasets#loadWorkflow} finds them. */
public final class WorkflowFiles {
    private WorkflowFiles() {
    }

    /** The workflow's log file, or null when there is not exactly one (loading then says what is wrong). */
    public static Path logFile(Path dir) {
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

    /** A file's size for a progress line: "12.3 KB", "4.5 MB", or "?" when it cannot be read. */
    public static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } catch (IOException e) {
            return "?";
        }
    }
}
