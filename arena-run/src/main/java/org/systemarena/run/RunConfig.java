package org.systemarena.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.verdict.Requirement;

/**
 * Everything a {@link Run} needs: the workflow, the policies and baselines (as specifications, docs/cli.md "Choosing
 * policies"), threads, seed, the replay's limits, the truth, the output and the gate. {@code arena run}'s options are
 * one for one these fields (docs/cli.md); the defaults are its defaults.
 *
 * <pre>{@code
 * RunConfig config = RunConfig.builder(Path.of("examples/lead-followup"))
 *         .policies(List.of("threshold:field=days_since_last_contact,threshold=3,above=make_call,below=wait"))
 *         .threads(2)
 *         .build();
 * }</pre>
 *
 * @param workflowDir       the folder with manifest.yaml and data/
 * @param policies          the candidates' specifications (empty: {@link #DEFAULT_POLICY})
 * @param baselines         the baselines' specifications (null: {@link #DEFAULT_BASELINES}, unless
 *                          {@code defaultBaselines} is false)
 * @param defaultBaselines  whether a run without baselines given gets the default ones
 * @param classPath         jars or class folders holding policy classes or {@code PolicyProvider}s
 * @param threads           replay, truth and bootstrap threads; results are identical for any value
 * @param seed              the bootstrap's seed, and a random policy's when its specification has none
 * @param maxDecisionPoints stop after this many decision points, in case order (0: all)
 * @param failFast          stop at the first policy error instead of recording it
 * @param decisionTimeout   a decision slower than this is a time-out error (null: no limit)
 * @param truth             whether to compute the true conversions on a log the synthetic generator made
 * @param output            the output folder (null: {@code <workflowDir>/arena-results})
 * @param traces            decision traces written per policy
 * @param maxViolations     the gate: fail when a candidate has more violations of {@code violationSeverity} or
 *                          above (null: no limit)
 * @param violationSeverity the lowest severity the gate counts
 * @param requirement       the gate: every candidate's verdict against {@code against} must meet this (null: none)
 * @param against           the baseline {@code requirement} compares with (null: historical, else the first)
 * @param arguments         the command line that asked for the run, recorded in run-info.json (empty: none)
 * @param modelBased        whether a comparison the importance weights leave inconclusive may be decided by the
 *                          model-based (doubly robust) difference (docs/metrics.md, section 10)
 */
public record RunConfig(Path workflowDir, List<String> policies, List<String> baselines, boolean defaultBaselines,
                        List<Path> classPath, int threads, long seed, long maxDecisionPoints, boolean failFast,
                        Duration decisionTimeout, Truth truth, Path output, TraceFormat traces, Long maxViolations,
                        Severity violationSeverity, Requirement requirement, String against, List<String> arguments,
                        boolean modelBased) {
    /** The candidate of a run that names none: call when a lead has been quiet more than 3 days, else wait. */
    public static final String DEFAULT_POLICY = "threshold:field=days_since_last_contact,threshold=3,above=make_call,"
            + "below=wait";
    /** The baselines of a run that names none ({@code <seed>} is the run's seed). */
    public static final List<String> DEFAULT_BASELINES = List.of("random:seed=<seed>", "historical:fallback=wait");
    /** Above this many generated leads {@link Truth#AUTO} skips the truth (about a second per policy per 10,000). */
    public static final int DEFAULT_MAX_TRUTH_LEADS = 50_000;
    /** {@link #DEFAULT_MAX_TRUTH_LEADS} as text, for help texts. */
    public static final String DEFAULT_MAX_TRUTH_LEADS_TEXT = "50,000";

    /** When the true conversions are computed (only ever on a log the synthetic generator made). */
    public enum Truth {
        /** Up to {@link #DEFAULT_MAX_TRUTH_LEADS} leads; above, a note says why not. */
        AUTO,
        /** Whatever the number of leads. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    public RunConfig {
        Objects.requireNonNull(workflowDir, "workflowDir");
        policies = List.copyOf(policies);
        baselines = baselines == null ? null : List.copyOf(baselines);
        classPath = List.copyOf(classPath);
        truth = truth == null ? Truth.AUTO : truth;
        traces = traces == null ? TraceFormat.NONE : traces;
        violationSeverity = violationSeverity == null ? Severity.VIOLATION : violationSeverity;
        arguments = List.copyOf(arguments);
        if (threads < 1) {
            throw new ArenaException("--threads must be at least 1, got " + threads);
        }
        if (maxDecisionPoints < 0) {
            throw new ArenaException("--max-decision-points must be 0 (all) or more, got " + maxDecisionPoints);
        }
        if (decisionTimeout != null && decisionTimeout.toMillis() < 1) {
            throw new ArenaException("--timeout-ms must be at least 1, got " + decisionTimeout.toMillis());
        }
        if (against != null && requirement == null) {
            throw new ArenaException("--against names the baseline of --require; give --require too");
        }
        if (maxViolations != null && maxViolations < 0) {
            throw new ArenaException("--max-violations must be 0 or more, got " + maxViolations);
        }
    }

    /** The candidates' specifications: those given, else {@link #DEFAULT_POLICY}. */
    public List<String> candidateSpecs() {
        return policies.isEmpty() ? List.of(DEFAULT_POLICY) : policies;
    }

    /** The output folder: the one given, else {@code <workflowDir>/arena-results}. */
    public Path outputDir() {
        return output != null ? output : workflowDir.resolve("arena-results");
    }

    public static Builder builder(Path workflowDir) {
        return new Builder(workflowDir);
    }

    /** A builder with every default of {@code arena run}. */
    public static final class Builder {
        private final Path workflowDir;
        private List<String> policies = List.of();
        private List<String> baselines;
        private boolean defaultBaselines = true;
        private List<Path> classPath = List.of();
        private int threads = 1;
        private long seed = 42;
        private long maxDecisionPoints;
        private boolean failFast;
        private Duration decisionTimeout;
        private Truth truth = Truth.AUTO;
        private Path output;
        private TraceFormat traces = TraceFormat.NONE;
        private Long maxViolations;
        private Severity violationSeverity = Severity.VIOLATION;
        private Requirement requirement;
        private String against;
        private List<String> arguments = List.of();
        private boolean modelBased = true;

        private Builder(Path workflowDir) {
            this.workflowDir = Objects.requireNonNull(workflowDir, "workflowDir");
        }

        public Builder policies(List<String> specs) {
            this.policies = specs;
            return this;
        }

        /** The baselines (an empty list and no default ones: a run without baselines). */
        public Builder baselines(List<String> specs) {
            this.baselines = specs == null || specs.isEmpty() ? null : specs;
            return this;
        }

        public Builder defaultBaselines(boolean value) {
            this.defaultBaselines = value;
            return this;
        }

        public Builder classPath(List<Path> entries) {
            this.classPath = entries;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder maxDecisionPoints(long value) {
            this.maxDecisionPoints = value;
            return this;
        }

        public Builder failFast(boolean value) {
            this.failFast = value;
            return this;
        }

        public Builder decisionTimeout(Duration value) {
            this.decisionTimeout = value;
            return this;
        }

        public Builder truth(Truth value) {
            this.truth = value;
            return this;
        }

        public Builder output(Path dir) {
            this.output = dir;
            return this;
        }

        public Builder traces(TraceFormat value) {
            this.traces = value;
            return this;
        }

        public Builder maxViolations(Long value) {
            this.maxViolations = value;
            return this;
        }

        public Builder violationSeverity(Severity value) {
            this.violationSeverity = value;
            return this;
        }

        public Builder requirement(Requirement value) {
            this.requirement = value;
            return this;
        }

        public Builder against(String baseline) {
            this.against = baseline;
            return this;
        }

        public Builder arguments(List<String> commandLine) {
            this.arguments = commandLine;
            return this;
        }

        /** Whether inconclusive comparisons may fall back on the model-based verdict (default true). */
        public Builder modelBased(boolean value) {
            this.modelBased = value;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(workflowDir, policies, baselines, defaultBaselines, classPath, threads, seed,
                    maxDecisionPoints, failFast, decisionTimeout, truth, output, traces, maxViolations,
                    violationSeverity, requirement, against, arguments, modelBased);
        }
    }
}
