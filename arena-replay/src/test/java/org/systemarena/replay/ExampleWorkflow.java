package org.systemarena.replay;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled example from a module's working directory. */
final class ExampleWorkflow {
    static final Path DIR = locate();

    private ExampleWorkflow() {
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples/lead-followup");
            if (Files.isRegularFile(candidate.resolve("manifest.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/lead-followup not found above " + Path.of("").toAbsolutePath());
    }
}
