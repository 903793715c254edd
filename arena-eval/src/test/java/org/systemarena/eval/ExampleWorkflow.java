package org.systemarena.eval;

import java.nio.file.Path;
import java.util.List;
import org.systemarena.core.ExampleDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;

/** The bundled example (examples/lead-followup), found from the module's working directory, and its replay. */
public final class ExampleWorkflow {
    public static final Path DIR = ExampleDir.DIR;

    private ExampleWorkflow() {
    }

    public static Workflow load() {
        return Datasets.loadWorkflow(DIR);
    }

    /** Threshold (candidate), Random and Historical (baselines), as the acceptance test asks. */
    public static List<BenchmarkResult> replay(Workflow workflow) {
        return BenchmarkRunner.of(workflow.manifest(), workflow.log()).run(threshold(), random(), historical());
    }

    /** The default candidate of {@code arena run}: call when quiet for more than 3 days, else wait. */
    public static Policy threshold() {
        return ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait");
    }

    public static Policy random() {
        return RandomPolicy.withSeed(42);
    }

    public static Policy historical() {
        return HistoricalPolicy.withFallback("wait");
    }
}
