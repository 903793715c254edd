package org.systemarena.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.systemarena.run.Run;
import org.systemarena.run.RunResult;

/**
 * One run of a test class, kept in the class's extension store: its result, or how it failed (a failed run is not
 * retried for every test), and the temporary output folder, deleted when JUnit closes the store after the class.
 */
final class WorkflowRun implements AutoCloseable {
    private final RunKey key;
    private final Path output;
    private final RunResult result;
    private final RuntimeException failure;

    private WorkflowRun(RunKey key, Path output, RunResult result, RuntimeException failure) {
        this.key = key;
        this.output = output;
        this.result = result;
        this.failure = failure;
    }

    static WorkflowRun start(RunKey key) {
        Path output;
        try {
            output = Files.createTempDirectory("arena-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("arena-test: cannot create a temporary output folder", e);
        }
        try {
            return new WorkflowRun(key, output, Run.of(key.config(output)).execute(), null);
        } catch (RuntimeException e) {
            return new WorkflowRun(key, output, null, e);
        }
    }

    RunResult result() {
        if (failure != null) {
            throw new ParameterResolutionException("the run of " + key.workflow() + " failed: " + failure.getMessage(),
                    failure);
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        try (Stream<Path> files = Files.walk(output)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
