package org.systemarena.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled example workflow, found above the working directory. */
final class Example {
    static final Path DIR = locate();

    private Example() {
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
