package org.systemarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Comparison;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.KnownTruth;
import org.systemarena.eval.report.HtmlReport;
import org.systemarena.eval.report.JsonReport;
import org.systemarena.eval.report.MarkdownReport;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.eval.report.ReportReader;
import org.systemarena.eval.verdict.Requirement;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.ParquetTraceWriter;
import org.systemarena.replay.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code arena run <workflow-dir>}: replay policies and baselines, evaluate, write results and reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Replay policies and baselines over a workflow's log and write the reports.",
                "Writes results.json, report.html, report.md and run-info.json to the output folder (and, with"
                        + " --traces, each policy's decision traces), prints a summary and ends with the HTML report's"
                        + " path.",
                "Without -p: threshold on days_since_last_contact (above 3: make_call, else wait).",
                "Without -b: random (seed --seed) and historical (fallback wait)."})
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_POLICY = "threshold:field=days_since_last_contact,threshold=3,above=make_call,"
            + "below=wait";

    @ParentCommand
    ArenaCli root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workflow-dir>", description = "Directory with manifest.yaml and data/.")
    Path workflowDir;

    @Option(names = {"-p", "--policy"}, paramLabel = "<spec>",
            description = {"A policy to evaluate (repeatable): a registry name with options",
                    "(threshold:field=days_since_last_contact,threshold=3,above=make_call,below=wait),",
                    "rules:<file.yaml>, or a Policy class name on the class path."})
    List<String> policies = new ArrayList<>();

    @Option(names = {"-b", "--baseline"}, paramLabel = "<spec>",
            description = "A baseline to compare with (repeatable; same forms as -p).")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--no-baselines", description = "Run without the default baselines.")
    boolean noBaselines;

    @Option(names = {"-o", "--out"}, paramLabel = "<dir>", description = "Output folder (default: <workflow-dir>/arena-results).")
    Path out;

    @Option(names = {"-cp", "--class-path"}, paramLabel = "<path>", split = "${sys:path.separator}",
            description = "Jars or class folders holding policy classes or PolicyProviders.")
    List<Path> classPath = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "<n>", defaultValue = "1",
            description = "Replay and bootstrap threads; results are identical for any value (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", paramLabel = "<seed>", defaultValue = "42",
            description = "Seed of the bootstrap and of random policies without their own (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-decision-points", paramLabel = "<n>", defaultValue = "0",
            description = "Stop after this many decision points, in case order (0 = all).")
    long maxDecisionPoints;

    @Option(names = "--fail-fast", description = "Stop at the first policy error instead of recording it.")
    boolean failFast;

    @Option(names = "--timeout-ms", paramLabel = "<ms>",
            description = "A decision slower than this is recorded as a time-out error.")
    Long timeoutMs;

    @Option(names = "--max-violations", paramLabel = "<n>",
            description = "Exit 1 when a candidate policy (-p) has more than <n> violations of severity"
                    + " --violation-severity or above.")
    Long maxViolations;

    @Option(names = "--require", paramLabel = "<verdict>",
            description = {"Exit 1 unless every candidate's verdict against --against meets this: better, not-worse"
                    + " or not-worse:<margin> (e.g. not-worse:0.02 = not worse by more than 2 points).",
                    "An inconclusive verdict exits 4 instead, so a pipeline can choose how to treat 'cannot tell'."})
    String require;

    @Option(names = "--against", paramLabel = "<baseline>",
            description = "The baseline --require compares with (default: historical, else the first baseline).")
    String against;

    @Option(names = "--no-truth",
            description = "Do not compute the policies' true conversion on a log the synthetic generator made (shown"
                    + " beside the estimates; it re-simulates every case under each policy, which takes seconds).")
    boolean noTruth;

    @Option(names = "--truth",
            description = "Compute the true conversions also on a generated log of more than "
                    + Truths.DEFAULT_MAX_LEADS_TEXT + " leads (skipped there by default: about a second per policy"
                    + " per 10,000 leads).")
    boolean truth;

    @Option(names = "--traces", paramLabel = "<format>", defaultValue = "none",
            description = {"Decision traces, one file per policy, to inspect decisions: parquet (compact; 'arena"
                    + " traces' prints them as JSON Lines), jsonl (JSON Lines, about 15 times larger) or none"
                    + " (default: ${DEFAULT-VALUE}: writing them costs about as much as the replay on a large log)."
                    + " Results and reports never depend on them."})
    TraceFormat traces;

    @Option(names = "--violation-severity", paramLabel = "<severity>", defaultValue = "violation",
            description = "Lowest severity counted by --max-violations: warning, violation, critical"
                    + " (default: ${DEFAULT-VALUE}).")
    String violationSeverity;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = root.quiet;
        boolean progress = Progress.enabled(quiet);
        Severity gate = severity(violationSeverity);
        Requirement requirement = require == null ? null : Requirement.parse(require);
        validateNumbers();
        Path outDir = out != null ? out : workflowDir.resolve("arena-results");
        // A run that fails must not leave the last run's results looking like its own.
        RunOutput.clear(outDir);

        RunInfo info = new RunInfo();
        Workflow workflow = Workflows.load(workflowDir, progress, err);
        RunOutput.check(outDir);
        ClassLoader loader = classLoader();
        PolicySpecs specs = new PolicySpecs(loader, workflowDir, workflow.manifest(), workflow.log(), seed);
        List<Policy> candidates = new ArrayList<>();
        for (String s : policies.isEmpty() ? List.of(DEFAULT_POLICY) : policies) {
            candidates.add(specs.resolve(s));
        }
        List<Policy> base = new ArrayList<>();
        if (!baselines.isEmpty()) {
            for (String s : baselines) {
                base.add(specs.resolve(s));
            }
        } else if (!noBaselines) {
            Set<String> taken = new HashSet<>();
            candidates.forEach(p -> taken.add(UserCode.nameOf(p)));
            for (String s : List.of("random:seed=" + seed, "historical:fallback=wait")) {
                Policy p = specs.resolve(s);
                if (!taken.contains(UserCode.nameOf(p))) {
                    base.add(p);
                }
            }
        }
        List<Policy> all = new ArrayList<>(candidates);
        all.addAll(base);
        List<String> baselineNames = base.stream().map(UserCode::nameOf).toList();
        String gateBaseline = requirement == null ? null : gateBaseline(baselineNames);

        BenchmarkConfig.Builder config = BenchmarkConfig.builder().threads(threads)
                .maxDecisionPoints(maxDecisionPoints).failFast(failFast);
        if (timeoutMs != null) {
            config.decisionTimeout(Duration.ofMillis(timeoutMs));
        }
        BenchmarkConfig benchmark = config.build();
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log(), benchmark);
        info.phase("load");
        List<BenchmarkResult> results = replay(runner, all, progress, err);
        info.phase("replay");

        EvaluationConfig evalConfig = EvaluationConfig.builder().seed(seed).threads(threads)
                .baselines(baselineNames).margin(requirement == null ? 0.0 : requirement.margin()).build();
        Map<String, KnownTruth> truths = noTruth ? Map.of() : Truths.of(workflowDir, workflow, all, threads,
                truth ? Integer.MAX_VALUE : Truths.DEFAULT_MAX_LEADS, progress, err);
        if (!truths.isEmpty()) {
            info.phase("truth");
        }
        Evaluation evaluation;
        try (Progress p = Progress.of(progress, err, "evaluating (bootstrap, " + evalConfig.resamples()
                + " resamples per estimate)")) {
            evaluation = Evaluation.of(results, evalConfig, truths);
        }
        info.phase("evaluate");
        Written written = write(outDir, evaluation, results, traces, info, spec.commandLine().getParseResult()
                .originalArgs(), threads);
        ReportDocument doc = written.document();

        long over = 0;
        List<String> overLimit = new ArrayList<>();
        if (maxViolations != null) {
            for (JsonNode p : doc.root().path("policies")) {
                if (!"candidate".equals(p.path("role").asText())) {
                    continue;
                }
                long n = 0;
                for (Severity s : Severity.values()) {
                    if (s.compareTo(gate) >= 0) {
                        n += p.path("violations").path("by_severity").path(s.label()).asLong();
                    }
                }
                if (n > maxViolations) {
                    over++;
                    overLimit.add(String.format(Locale.ROOT, "policy '%s' has %,d violations of severity %s or above,"
                            + " more than --max-violations %,d", p.path("name").asText(), n, gate.label(),
                            maxViolations));
                }
            }
        }

        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        if (requirement != null) {
            for (Policy candidate : candidates) {
                Comparison c = evaluation.comparison(UserCode.nameOf(candidate), gateBaseline).orElseThrow();
                Verdict v = c.verdict();
                String line = String.format(Locale.ROOT, "policy '%s' vs '%s': %s%s, --require %s", c.policy(),
                        c.baseline(), v.outcome().code(), v.reason() == null ? "" : " (" + v.reason().code() + ")",
                        requirement);
                if (v.inconclusive()) {
                    undecided.add(line + " cannot be decided: " + v.message());
                } else if (!v.meets(requirement)) {
                    failed.add(line + " is not met: " + v.message());
                }
            }
        }

        if (!quiet) {
            Summary.print(stdout, doc, results, outDir, written.traces(), root.verbose);
            if (root.verbose) {
                stdout.println("Phases: " + info.summary() + " (also in run-info.json)");
            }
        }
        for (String line : overLimit) {
            err.println("error: " + line);
        }
        for (String line : failed) {
            err.println("error: " + line);
        }
        for (String line : undecided) {
            err.println("inconclusive: " + line);
        }
        err.flush();
        stdout.println("HTML report: " + written.html().toAbsolutePath().normalize());
        stdout.flush();
        if (over > 0 || !failed.isEmpty()) {
            return ArenaCli.VIOLATIONS;
        }
        return undecided.isEmpty() ? ArenaCli.OK : ArenaCli.INCONCLUSIVE;
    }

    /** The baseline --require compares with: --against, else historical, else the first baseline. */
    private String gateBaseline(List<String> baselineNames) {
        if (baselineNames.isEmpty()) {
            throw new ArenaException("--require needs a baseline to compare with, and this run has none"
                    + " (drop --no-baselines or add -b)");
        }
        if (against != null) {
            if (!baselineNames.contains(against)) {
                throw new ArenaException("--against '" + against + "' is not a baseline of this run; baselines: "
                        + String.join(", ", baselineNames));
            }
            return against;
        }
        return baselineNames.contains("historical") ? "historical" : baselineNames.get(0);
    }

    private void validateNumbers() {
        if (threads < 1) {
            throw new ArenaException("--threads must be at least 1, got " + threads);
        }
        if (maxDecisionPoints < 0) {
            throw new ArenaException("--max-decision-points must be 0 (all) or more, got " + maxDecisionPoints);
        }
        if (timeoutMs != null && timeoutMs < 1) {
            throw new ArenaException("--timeout-ms must be at least 1, got " + timeoutMs);
        }
        if (against != null && require == null) {
            throw new ArenaException("--against names the baseline of --require; give --require too");
        }
        if (maxViolations != null && maxViolations < 0) {
            throw new ArenaException("--max-violations must be 0 or more, got " + maxViolations);
        }
    }

    private static Severity severity(String text) {
        for (Severity s : Severity.values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new ArenaException("--violation-severity must be warning, violation or critical, got '" + text + "'");
    }

    private ClassLoader classLoader() {
        ClassLoader parent = RunCommand.class.getClassLoader();
        if (classPath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
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

    private static List<BenchmarkResult> replay(BenchmarkRunner runner, List<Policy> policies,
                                                boolean progress, PrintWriter err) {
        // Written by the runner's calling thread (this one), read by the progress bar's thread.
        AtomicInteger percent = new AtomicInteger();
        AtomicLong points = new AtomicLong();
        try (Progress p = Progress.of(progress, err, "replaying", percent::get, points::get, "decision points")) {
            return runner.runAll(policies, (cases, total, decisionPoints) -> {
                percent.set(total == 0 ? 100 : (int) (100L * cases / total));
                points.set(decisionPoints);
            });
        }
    }

    /** What was written: the report document, the HTML path and the trace files by policy. */
    record Written(ReportDocument document, Path html, Map<String, Path> traces) {
    }

    static Written write(Path outDir, Evaluation evaluation, List<BenchmarkResult> results, TraceFormat traceFormat,
                         RunInfo info, List<String> arguments, int threads) {
        try {
            RunOutput output = RunOutput.begin(outDir);
            String text = JsonReport.write(evaluation);
            ReportDocument doc = ReportReader.parse(text, outDir.resolve(RunOutput.RESULTS).toString());
            output.write("report.html", HtmlReport.render(doc));
            output.write("report.md", MarkdownReport.render(doc));
            Map<String, String> traceNames = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            for (BenchmarkResult r : traceFormat == TraceFormat.NONE ? List.<BenchmarkResult>of() : results) {
                String base = "traces-" + fileSafe(r.policyName());
                String name = base;
                for (int i = 2; !used.add(name); i++) {
                    name = base + "-" + i;
                }
                String file = name + traceFormat.extension();
                if (traceFormat == TraceFormat.JSONL) {
                    TraceWriter.writeJsonl(r, output.staged(file), false);
                } else {
                    ParquetTraceWriter.write(r, output.staged(file), false);
                }
                traceNames.put(r.policyName(), file);
            }
            info.phase("write");
            output.write("run-info.json", info.json(arguments, threads));
            output.write(RunOutput.RESULTS, text);
            output.commit();
            Map<String, Path> traces = new LinkedHashMap<>();
            traceNames.forEach((policy, file) -> traces.put(policy, outDir.resolve(file)));
            return new Written(doc, outDir.resolve("report.html"), traces);
        } catch (IOException e) {
            throw new ArenaException("cannot write the results (" + IoErrors.describe(e, outDir) + ")",
                    ArenaException.Location.of(outDir.toString()), e);
        }
    }

    /** A policy name as part of a file name: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    static String fileSafe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
