package org.systemarena.replay;

import java.nio.file.Path;
import org.systemarena.core.ExampleDir;

/** Locates the bundled example from a module's working directory. */
final class ExampleWorkflow {
    static final Path DIR = ExampleDir.DIR;

    private ExampleWorkflow() {
    }
}
