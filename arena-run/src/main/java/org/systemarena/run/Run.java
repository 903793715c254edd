package org.systemarena.run;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.KnownTruth;
import org.systemarena.eval.Provenance;
import org.systemarena.eval.report.HtmlReport;
import org.systemarena.eval.report.JsonReport;
import org.systemarena.eval.report.MarkdownReport;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.eval.report.ReportReader;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UsageReporting;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.ParquetTraceWriter;
import org.systemarena.replay.TraceWriter;
import org.systemarena.run.RunListener.Phase;
import org.systemarena.run.spec.PolicySpec;
import org.systemarena.run.spec.PolicySpecs;

/**
 * What {@code arena run} does, as a library call: load the workflow, make the policies from their specifications,
 * replay them over the log, compute the true conversions where a simulator made the log, evaluate, apply the gate,
 * and write results.json, the reports, run-info.json and any traces (docs/cli.md, "arena run").
 *
 * <pre>{@code
 * RunResult result = Run.of(RunConfig.builder(Path.of("examples/lead-followup")).build()).execute();
 * System.out.println(result.evaluation().leaderboard().get(0).policy() + " leads; " + result.files().html());
 * }</pre>
 *
 * <p>The same config gives a byte-identical results.json whatever the thread count, and the same as {@code arena run}
 * with the matching options; what varies (times, host, threads) is in run-info.json. A run that fails leaves no
 * results of an earlier run in its output folder (see {@link RunOutput}).
 */
public final class Run {
    private final RunConfig config;

    private Run(RunConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static Run of(RunConfig config) {
        return new Run(config);
    }

    public RunConfig config() {
        return config;
    }

    /** Runs without telling anyone how it goes. */
    public RunResult execute() {
        return execute(RunListener.NONE);
    }

    /** Runs, telling {@code listener} the phases, the replay's progress, and notes and warnings. */
    public RunResult execute(RunListener listener) {
        Objects.requireNonNull(listener, "listener");
        Path workflowDir = config.workflowDir();
        Path outDir = config.outputDir();
        // A run that fails must not leave the last run's results looking like its own.
        RunOutput.clear(outDir);

        RunInfo info = new RunInfo();
        Workflow workflow = load(workflowDir, listener);
        RunOutput.check(outDir);
        PolicySpecs specs = PolicySpecs.of(workflow.manifest(), workflow.log()).withBaseDir(workflowDir)
                .withSeed(config.seed()).withClassLoader(classLoader());
        List<PolicySpec> candidates = new ArrayList<>();
        for (String s : config.candidateSpecs()) {
            candidates.add(specs.resolve(s));
        }
        List<PolicySpec> baselines = baselines(specs, candidates);
        List<PolicySpec> all = new ArrayList<>(candidates);
        all.addAll(baselines);
        List<Policy> policies = all.stream().map(PolicySpec::policy).toList();
        try {
            return execute(listener, workflowDir, outDir, info, workflow, candidates, baselines, all, policies);
        } finally {
            close(policies);
        }
    }

    private RunResult execute(RunListener listener, Path workflowDir, Path outDir, RunInfo info, Workflow workflow,
            List<PolicySpec> candidates, List<PolicySpec> baselines, List<PolicySpec> all, List<Policy> policies) {
        List<String> baselineNames = baselines.stream().map(PolicySpec::name).toList();
        String gateBaseline = config.requirement() == null ? null : Gate.baseline(config.against(), baselineNames);

        BenchmarkConfig.Builder replay = BenchmarkConfig.builder().threads(config.threads())
                .maxDecisionPoints(config.maxDecisionPoints()).failFast(config.failFast());
        if (config.decisionTimeout() != null) {
            replay.decisionTimeout(config.decisionTimeout());
        }
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log(), replay.build());
        info.phase(Phase.LOAD.label());
        listener.phaseStarted(Phase.REPLAY, "replaying");
        List<BenchmarkResult> results;
        try {
            results = runner.runAll(policies, listener::replayed);
        } finally {
            listener.phaseEnded(Phase.REPLAY);
        }
        info.phase(Phase.REPLAY.label());

        EvaluationConfig evalConfig = EvaluationConfig.builder().seed(config.seed()).threads(config.threads())
                .baselines(baselineNames).margin(config.requirement() == null ? 0.0 : config.requirement().margin())
                .modelBased(config.modelBased()).build();
        Map<String, KnownTruth> truths = config.truth() == RunConfig.Truth.NEVER ? Map.of()
                : Truths.of(workflowDir, workflow, policies, config.threads(), config.truth() == RunConfig.Truth.ALWAYS
                        ? Integer.MAX_VALUE : Truths.DEFAULT_MAX_LEADS, listener);
        if (!truths.isEmpty()) {
            info.phase(Phase.TRUTH.label());
        }
        listener.phaseStarted(Phase.EVALUATE, "evaluating (bootstrap, " + evalConfig.resamples()
                + " resamples per estimate)");
        Evaluation evaluation;
        try {
            evaluation = Evaluation.of(results, evalConfig, truths);
        } finally {
            listener.phaseEnded(Phase.EVALUATE);
        }
        info.phase(Phase.EVALUATE.label());
        for (Policy p : policies) {
            if (p instanceof UsageReporting u) {
                info.usage(p.name(), u.usage());
            }
        }
        for (PolicySpec p : all) {
            if (!p.givenRunOptions().isEmpty()) {
                info.runOptions(p.name(), p.givenRunOptions());
            }
        }
        Provenance provenance = provenance(workflowDir, all, candidates.size());
        Gate gate = Gate.of(config, evaluation, gateBaseline);
        listener.phaseStarted(Phase.WRITE, "writing " + outDir);
        Written written;
        try {
            written = write(outDir, evaluation, provenance, results, info);
        } finally {
            listener.phaseEnded(Phase.WRITE);
        }
        return new RunResult(config, workflow, runner.manifest(), candidates, baselines, results, evaluation,
                provenance, written.document(), gate, written.files(), info);
    }

    /**
     * The run made these policies from their specifications, so it closes those that hold resources (worker
     * processes, connections, a cassette to write), in order; a failure to close is the run's error.
     */
    private static void close(List<Policy> policies) {
        ArenaException failure = null;
        for (Policy p : policies) {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    ArenaException error = new ArenaException("policy '" + p.name() + "' could not be closed: "
                            + e.getMessage(), e);
                    if (failure == null) {
                        failure = error;
                    } else {
                        failure.addSuppressed(error);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Workflow load(Path dir, RunListener listener) {
        if (!Files.isDirectory(dir)) {
            throw new ArenaException(Files.exists(dir) ? "not a directory (expected a workflow directory with"
                    + " manifest.yaml and data/)" : "workflow directory not found", Location.of(dir.toString()));
        }
        Path log = WorkflowFiles.logFile(dir);
        listener.phaseStarted(Phase.LOAD, "loading " + (log == null ? dir : dir.relativize(log))
                + (log == null ? "" : " (" + WorkflowFiles.size(log) + ")"));
        try {
            return Datasets.loadWorkflow(dir);
        } finally {
            listener.phaseEnded(Phase.LOAD);
        }
    }

    /** The baselines given; else the default ones, less any a candidate already is (by name). */
    private List<PolicySpec> baselines(PolicySpecs specs, List<PolicySpec> candidates) {
        List<PolicySpec> out = new ArrayList<>();
        if (config.baselines() != null) {
            for (String s : config.baselines()) {
                out.add(specs.resolve(s));
            }
        } else if (config.defaultBaselines()) {
            Set<String> taken = new HashSet<>();
            candidates.forEach(p -> taken.add(p.name()));
            for (String s : RunConfig.DEFAULT_BASELINES) {
                PolicySpec p = specs.resolve(s.replace("<seed>", Long.toString(config.seed())));
                if (!taken.contains(p.name())) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private ClassLoader classLoader() {
        ClassLoader parent = Run.class.getClassLoader();
        if (config.classPath().isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : config.classPath()) {
            if (!Files.exists(p)) {
                throw new ArenaException("--class-path entry not found: " + p);
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ArenaException("--class-path entry is not a valid path: " + p, e);
            }
        }
        // Stays open for the life of the process: policy classes load lazily during the replay.
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** The inputs (manifest, log, generator marker, rules files, class-path jars) and how each policy was made. */
    private Provenance provenance(Path workflowDir, List<PolicySpec> policies, int candidates) {
        List<Provenance.InputFile> inputs = new ArrayList<>();
        Provenance.InputFile manifest = InputFiles.of(workflowDir, workflowDir.resolve("manifest.yaml"),
                "manifest");
        inputs.add(manifest);
        Path log = WorkflowFiles.logFile(workflowDir);
        if (log != null) {
            inputs.add(InputFiles.of(workflowDir, log, "log"));
        }
        Path marker = workflowDir.resolve("data").resolve("generator.json");
        if (Files.isRegularFile(marker)) {
            inputs.add(InputFiles.of(workflowDir, marker, "generator_marker"));
        }
        Set<Path> seen = new HashSet<>();
        for (PolicySpec p : policies) {
            for (Path f : p.files()) {
                if (seen.add(f.toAbsolutePath().normalize())) {
                    inputs.add(InputFiles.of(workflowDir, f, p.kind()));
                }
            }
        }
        for (Path p : config.classPath()) {
            if (Files.isRegularFile(p) && seen.add(p.toAbsolutePath().normalize())) {
                inputs.add(InputFiles.of(workflowDir, p, "class_path"));
            }
        }
        List<Provenance.PolicySource> sources = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            PolicySpec p = policies.get(i);
            sources.add(new Provenance.PolicySource(p.name(), i < candidates ? "candidate" : "baseline",
                    p.decisionSpec(), p.kind(), p.className(), p.decisionOptions()));
        }
        return new Provenance("system-arena", Version.get(), inputs, manifest.sha256(), config.seed(),
                config.maxDecisionPoints(), config.failFast(), config.decisionTimeout() == null ? null
                        : config.decisionTimeout().toMillis(), sources);
    }

    private record Written(ReportDocument document, RunFiles files) {
    }

    private Written write(Path outDir, Evaluation evaluation, Provenance provenance, List<BenchmarkResult> results,
                          RunInfo info) {
        try {
            RunOutput output = RunOutput.begin(outDir);
            String text = JsonReport.write(evaluation, provenance);
            ReportDocument doc = ReportReader.parse(text, outDir.resolve(RunOutput.RESULTS).toString());
            output.write(RunOutput.HTML, HtmlReport.render(doc));
            output.write(RunOutput.MARKDOWN, MarkdownReport.render(doc));
            Map<String, String> traceNames = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            TraceFormat format = config.traces();
            for (BenchmarkResult r : format == TraceFormat.NONE ? List.<BenchmarkResult>of() : results) {
                String base = "traces-" + RunFiles.fileSafe(r.policyName());
                String name = base;
                for (int i = 2; !used.add(name); i++) {
                    name = base + "-" + i;
                }
                String file = name + format.extension();
                if (format == TraceFormat.JSONL) {
                    TraceWriter.writeJsonl(r, output.staged(file), false);
                } else {
                    ParquetTraceWriter.write(r, output.staged(file), false);
                }
                traceNames.put(r.policyName(), file);
            }
            info.phase(Phase.WRITE.label());
            info.end();
            output.write(RunOutput.RUN_INFO, info.json(config.arguments(), config.threads(),
                    InputFiles.sha256(text.getBytes(StandardCharsets.UTF_8))));
            output.write(RunOutput.RESULTS, text);
            output.commit();
            Map<String, Path> traces = new LinkedHashMap<>();
            traceNames.forEach((policy, file) -> traces.put(policy, outDir.resolve(file)));
            return new Written(doc, new RunFiles(outDir, outDir.resolve(RunOutput.RESULTS),
                    outDir.resolve(RunOutput.HTML), outDir.resolve(RunOutput.MARKDOWN),
                    outDir.resolve(RunOutput.RUN_INFO), traces));
        } catch (IOException e) {
            throw new ArenaException("cannot write the results (" + IoErrors.describe(e, outDir) + ")",
                    Location.of(outDir.toString()), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Run[%s]", config.workflowDir());
    }
}
