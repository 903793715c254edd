package org.systemarena.agents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.report.JsonReport;
import org.systemarena.policy.Policy;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;

/** The bundled example workflow and the repository's files, found from the module's folder. */
final class Example {
    static final Path ROOT = locate();
    static final Path WORKFLOW = ROOT.resolve("examples/lead-followup");
    static final Path PYTHON_CLIENT = ROOT.resolve("clients/python");
    static final Path EXAMPLE_AGENT = PYTHON_CLIENT.resolve("example_agent.py");
    static final Path NODE_CLIENT = ROOT.resolve("clients/node");
    static final Path NODE_EXAMPLE_AGENT = NODE_CLIENT.resolve("example-agent.mjs");
    private static Workflow workflow;

    private Example() {
    }

    static synchronized Workflow workflow() {
        if (workflow == null) {
            workflow = Datasets.loadWorkflow(WORKFLOW);
        }
        return workflow;
    }

    static List<BenchmarkResult> replay(int threads, Policy... policies) {
        return replay(threads, 0, policies);
    }

    /** At most {@code maxDecisionPoints} (0: all). */
    static List<BenchmarkResult> replay(int threads, long maxDecisionPoints, Policy... policies) {
        BenchmarkConfig config = BenchmarkConfig.builder().threads(threads).maxDecisionPoints(maxDecisionPoints)
                .build();
        return BenchmarkRunner.of(workflow().manifest(), workflow().log(), config).runAll(List.of(policies));
    }

    /** results.json as {@code arena run} writes it, for these results. */
    static String resultsJson(List<BenchmarkResult> results) {
        EvaluationConfig config = EvaluationConfig.builder().baselines(List.of())
                .build();
        return JsonReport.write(Evaluation.of(results, config));
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/lead-followup/manifest.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("examples/lead-followup not found above " + Path.of("").toAbsolutePath());
    }
}
