package org.systemarena.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.verdict.Requirement;
import org.systemarena.run.Gate;
import org.systemarena.run.Run;
import org.systemarena.run.RunConfig;
import org.systemarena.run.RunListener;
import org.systemarena.run.RunResult;
import org.systemarena.run.TraceFormat;
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

    @Option(names = "--no-model-verdicts",
            description = "Decide comparisons by the importance weights only: one they leave inconclusive stays"
                    + " inconclusive instead of falling back on the model-based (doubly robust) difference, and no"
                    + " outcome model is fitted (docs/metrics.md, section 10).")
    boolean noModelVerdicts;

    @Option(names = "--no-truth",
            description = "Do not compute the policies' true conversion on a log the synthetic generator made (shown"
                    + " beside the estimates; it re-simulates every case under each policy, which takes seconds).")
    boolean noTruth;

    @Option(names = "--truth",
            description = "Compute the true conversions also on a generated log of more than "
                    + RunConfig.DEFAULT_MAX_TRUTH_LEADS_TEXT + " leads (skipped there by default: about a second per policy"
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
        RunConfig config = config();
        ProgressListener listener = new ProgressListener(Progress.enabled(root.quiet), err);
        RunResult result;
        try {
            result = Run.of(config).execute(listener);
        } finally {
            listener.close();
        }
        if (!root.quiet) {
            Summary.print(stdout, result, root.verbose);
            if (root.verbose) {
                stdout.println("Phases: " + result.info().summary() + " (also in run-info.json)");
            }
        }
        Gate gate = result.gate();
        gate.overLimit().forEach(line -> err.println("error: " + line));
        gate.failed().forEach(line -> err.println("error: " + line));
        gate.undecided().forEach(line -> err.println("inconclusive: " + line));
        err.flush();
        stdout.println("HTML report: " + result.files().html().toAbsolutePath().normalize());
        stdout.flush();
        if (!gate.passed()) {
            return ArenaCli.VIOLATIONS;
        }
        return gate.inconclusive() ? ArenaCli.INCONCLUSIVE : ArenaCli.OK;
    }

    /** The options as a run's config, one for one. */
    RunConfig config() {
        return RunConfig.builder(workflowDir).policies(policies).baselines(baselines).defaultBaselines(!noBaselines)
                .classPath(classPath).threads(threads).seed(seed).maxDecisionPoints(maxDecisionPoints)
                .failFast(failFast).decisionTimeout(timeoutMs == null ? null : Duration.ofMillis(timeoutMs))
                .truth(noTruth ? RunConfig.Truth.NEVER : truth ? RunConfig.Truth.ALWAYS : RunConfig.Truth.AUTO)
                .output(out).traces(traces).maxViolations(maxViolations).violationSeverity(severity(violationSeverity))
                .requirement(require == null ? null : Requirement.parse(require)).against(against)
                .arguments(spec.commandLine().getParseResult().originalArgs()).modelBased(!noModelVerdicts).build();
    }

    private static Severity severity(String text) {
        for (Severity s : Severity.values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new ArenaException("--violation-severity must be warning, violation or critical, got '" + text + "'");
    }

    /** The run's phases as progress lines on stderr, and its notes and warnings as lines there. */
    private static final class ProgressListener implements RunListener, AutoCloseable {
        private final boolean enabled;
        private final PrintWriter err;
        // Written by the run's thread (this one), read by the progress bar's thread.
        private final AtomicInteger percent = new AtomicInteger();
        private final AtomicLong points = new AtomicLong();
        private Progress current;

        ProgressListener(boolean enabled, PrintWriter err) {
            this.enabled = enabled;
            this.err = err;
        }

        @Override
        public void phaseStarted(Phase phase, String description) {
            close();
            current = phase == Phase.REPLAY
                    ? Progress.of(enabled, err, description, percent::get, points::get, "decision points")
                    : Progress.of(enabled, err, description);
        }

        @Override
        public void phaseEnded(Phase phase) {
            close();
        }

        @Override
        public void replayed(int cases, int totalCases, long decisionPoints) {
            percent.set(totalCases == 0 ? 100 : (int) (100L * cases / totalCases));
            points.set(decisionPoints);
        }

        @Override
        public void note(String message) {
            close();
            err.println("note: " + message);
        }

        @Override
        public void warning(String message) {
            close();
            err.println("warning: " + message);
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
