package org.systemarena.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.run.WorkflowFiles;

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

    static Path logFile(Path dir) {
        return WorkflowFiles.logFile(dir);
    }

    static String size(Path file) {
        return WorkflowFiles.size(file);
    }
}
