package org.systemarena.run;

import java.util.List;
import java.util.Objects;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.Provenance;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.run.spec.PolicySpec;

/**
 * What a {@link Run} did: the manifest it ran with, the policies it made, the replay results, the evaluation, what
 * it was computed from, the gate's findings and the files written.
 *
 * @param config     the run's config
 * @param workflow   the workflow loaded (its manifest as in the file, its log)
 * @param manifest   the manifest the replay and the evaluation used
 * @param candidates the candidates, in the order given
 * @param baselines  the baselines, in the order given (or the default ones)
 * @param results    the replay of each policy, candidates first
 * @param evaluation the evaluation of those results
 * @param provenance what the results were computed from (also in results.json)
 * @param report     results.json as written, with its parsed tree
 * @param gate       what the gate found (nothing when neither a violation limit nor a requirement was asked for)
 * @param files      the files written
 * @param info       when and how long (also in run-info.json)
 */
public record RunResult(RunConfig config, Workflow workflow, Manifest manifest, List<PolicySpec> candidates,
                        List<PolicySpec> baselines, List<BenchmarkResult> results, Evaluation evaluation,
                        Provenance provenance, ReportDocument report, Gate gate, RunFiles files, RunInfo info) {
    public RunResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(manifest, "manifest");
        candidates = List.copyOf(candidates);
        baselines = List.copyOf(baselines);
        results = List.copyOf(results);
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(files, "files");
    }

    /** results.json's text. */
    public String resultsJson() {
        return report.json();
    }
}
