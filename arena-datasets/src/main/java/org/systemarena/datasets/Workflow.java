package org.systemarena.datasets;

import java.nio.file.Path;
import java.util.Objects;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;

/** A workflow directory loaded by {@link Datasets#loadWorkflow(Path)}: its manifest and its event log. */
public record Workflow(Path dir, Manifest manifest, EventLog log) {
    public Workflow {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(log, "log");
    }
}
