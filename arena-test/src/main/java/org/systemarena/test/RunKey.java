package org.systemarena.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.systemarena.run.RunConfig;

/** What a test class asks to run; equal keys share one run in the class's store. */
record RunKey(Path workflow, List<String> policies, List<String> baselines, long seed, int threads) {
    RunKey {
        Objects.requireNonNull(workflow, "workflow");
        policies = List.copyOf(policies);
        baselines = List.copyOf(baselines);
    }

    /** The run's config, writing into {@code output} (a temporary folder: a test must not litter the workflow). */
    RunConfig config(Path output) {
        return RunConfig.builder(workflow).policies(policies).baselines(baselines).seed(seed).threads(threads)
                .output(output).build();
    }
}
