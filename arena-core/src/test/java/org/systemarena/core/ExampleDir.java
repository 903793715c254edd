package org.systemarena.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled example workflow (examples/lead-followup), found above the working directory of a module's tests. */
public final class ExampleDir {
    public static final Path DIR = locate();

    private ExampleDir() {
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
