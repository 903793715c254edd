package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.decision.BehaviourFeatures;
import org.systemarena.decision.CaseDecisions;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.policy.Policy;
import org.systemarena.policy.UserCode;

/**
 * Replays a log against policies: each case is walked in time order, each decision point's point-in-time snapshot is
 * handed to every policy, and each decision is checked against the allowed actions and the constraints.
 *
 * <pre>{@code
 * BenchmarkRunner runner = BenchmarkRunner.of(manifest, log);
 * BenchmarkResult result = runner.run(ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait"));
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>Cases are independent, so they are replayed in parallel with {@link BenchmarkConfig#threads()}; results are
 * assembled in case order and traces sorted into global replay order, so any thread count gives identical results.
 * A policy therefore sees one case at a time and must not keep state across calls.
 */
public final class BenchmarkRunner {
    private static final int CASES_PER_TASK = 64;

    private final Manifest manifest;
    private final EventLog log;
    private final BenchmarkConfig config;
    private final DecisionPointExtractor extractor;
    private final ConstraintSet constraints;
    private final List<String> ruleNames;
    private final SnapshotLayout snapshots;

    private BenchmarkRunner(Manifest manifest, EventLog log, BenchmarkConfig config) {
        this.log = Objects.requireNonNull(log, "log");
        this.config = Objects.requireNonNull(config, "config");
        Manifest effective = manifest;
        if (config.decisionRules() != null) {
            effective = effective.withDecisionPoints(config.decisionRules());
        }
        if (config.constraints() != null) {
            effective = effective.withConstraints(config.constraints());
        }
        this.manifest = effective;
        this.extractor = DecisionPointExtractor.of(effective, log, config.features()).withFailFast(config.failFast());
        this.constraints = new ConstraintSet(effective.constraints());
        this.ruleNames = extractor.ruleNames();
        this.snapshots = new SnapshotLayout(extractor, BehaviourFeatures.of(effective, log));
    }

    /**
     * The snapshot names every trace table of this runner records per decision point for a behaviour model (the
     * manifest's {@code behaviour_model.features}, else the default set), and the payload keys the default left out.
     */
    public BehaviourFeatures behaviourFeatures() {
        return snapshots.behaviour;
    }

    public static BenchmarkRunner of(Manifest manifest, EventLog log) {
        return new BenchmarkRunner(manifest, log, BenchmarkConfig.defaults());
    }

    public static BenchmarkRunner of(Manifest manifest, EventLog log, BenchmarkConfig config) {
        return new BenchmarkRunner(Objects.requireNonNull(manifest, "manifest"), log, config);
    }

    /** The manifest the replay runs with: the one given, with the config's decision rules and constraints if any. */
    public Manifest manifest() {
        return manifest;
    }

    public BenchmarkConfig config() {
        return config;
    }

    public EventLog log() {
        return log;
    }

    public List<ConstraintSpec> constraints() {
        return constraints.specs();
    }

    /** Replays one policy. */
    public BenchmarkResult run(Policy policy) {
        return runAll(List.of(policy)).get(0);
    }

    /** Replays a policy and its baselines over the same decision points; results in the order given. */
    public List<BenchmarkResult> run(Policy policy, Policy... baselines) {
        List<Policy> all = new ArrayList<>();
        all.add(policy);
        all.addAll(Arrays.asList(baselines));
        return runAll(all);
    }

    /** Replays every policy over the same decision points (each case is extracted once for all of them). */
    public List<BenchmarkResult> runAll(List<Policy> policies) {
        return runAll(policies, ReplayProgress.NONE);
    }

    /** As {@link #runAll(List)}, telling {@code progress} how far the replay got as it goes. */
    public List<BenchmarkResult> runAll(List<Policy> policies, ReplayProgress progress) {
        Objects.requireNonNull(progress, "progress");
        if (policies.isEmpty()) {
            throw new ArenaException("no policy to run");
        }
        Map<String, Policy> byName = new LinkedHashMap<>();
        for (Policy p : policies) {
            String name = UserCode.nameOf(p);
            if (byName.putIfAbsent(name, p) != null) {
                throw new ArenaException("two policies are named '" + name + "'; names must be unique in a run");
            }
        }
        PolicyCaller caller = new PolicyCaller(config.decisionTimeout());
        try {
            return replay(List.copyOf(policies), caller, progress);
        } finally {
            caller.close();
        }
    }

    private List<BenchmarkResult> replay(List<Policy> policies, PolicyCaller caller, ReplayProgress progress) {
        int cases = log.caseCount();
        List<TraceChunk> chunks = new ArrayList<>();
        long limit = config.maxDecisionPoints() == 0 ? Long.MAX_VALUE : config.maxDecisionPoints();
        long seen = 0;
        boolean truncated = false;
        int replayedCases = 0;
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "arena-replay");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            // A wave ends in a barrier where threads wait for the slowest task; 16 tasks per thread keep that idle
            // time small, while a replay cut short by maxDecisionPoints replays at most one wave too many.
            int wave = CASES_PER_TASK * config.threads() * 16;
            waves:
            for (int from = 0; from < cases; from += wave) {
                List<TraceChunk> done = replayWave(policies, caller, from, Math.min(cases, from + wave), pool);
                for (TraceChunk chunk : done) {
                    chunks.add(chunk);
                    for (int i = 0; i < chunk.logCases(); i++) {
                        int n = chunk.pointsOfLogCase(i);
                        if (seen + n >= limit) {
                            int keep = (int) (limit - seen);
                            chunk.truncate(i + 1, keep);
                            // Cut short: points of this case dropped, or later cases never replayed.
                            truncated = keep < n || chunk.firstCase + i + 1 < cases;
                            progress.replayed(chunk.firstCase + i + 1, cases, limit);
                            break waves;
                        }
                        seen += n;
                    }
                    replayedCases = chunk.firstCase + chunk.logCases();
                }
                progress.replayed(replayedCases, cases, seen);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return TraceAssembler.assemble(manifest, log, policies, chunks, ruleNames, constraints.specs(), snapshots, truncated);
    }

    private List<TraceChunk> replayWave(List<Policy> policies, PolicyCaller caller, int from, int to,
                                        ExecutorService pool) {
        List<TraceChunk> out = new ArrayList<>();
        if (pool == null) {
            out.add(replayCases(policies, caller, from, to));
            return out;
        }
        List<Future<TraceChunk>> futures = new ArrayList<>();
        for (int start = from; start < to; start += CASES_PER_TASK) {
            int s = start;
            int e = Math.min(to, start + CASES_PER_TASK);
            futures.add(pool.submit(() -> replayCases(policies, caller, s, e)));
        }
        // Wait for all, then report the first failure in case order, as a single thread would have.
        RuntimeException first = null;
        for (Future<TraceChunk> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new ArenaException("replay interrupted", ie);
            } catch (ExecutionException ee) {
                if (first == null) {
                    first = ee.getCause() instanceof RuntimeException re ? re
                            : new ArenaException("replay failed: " + ee.getCause(), ee.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    private TraceChunk replayCases(List<Policy> policies, PolicyCaller caller, int from, int to) {
        TraceChunk chunk = new TraceChunk(from, to - from, policies.size(), constraints.specs().size(), snapshots);
        PolicyHistory history = new PolicyHistory();
        for (int c = from; c < to; c++) {
            CaseDecisions decisions = extractor.extractCase(c);
            List<DecisionPoint> points = decisions.points();
            if (!points.isEmpty()) {
                chunk.points.startCase(c, decisions.caseId(), decisions.outcome());
            }
            for (DecisionPoint dp : points) {
                chunk.points.add(dp, ruleIndex(dp.rule()), chunk.actions, chunk.outcomes, chunk.snapshots);
            }
            for (int p = 0; p < policies.size(); p++) {
                Policy policy = policies.get(p);
                history.clear();
                for (int i = 0; i < points.size(); i++) {
                    DecisionPoint dp = points.get(i);
                    DecisionError failure = caller.decide(policy, dp, chunk.points.timeMicros[chunk.points.size
                            - points.size() + i], constraints, history, chunk.actions, chunk.policies[p]);
                    if (failure != null && config.failFast()) {
                        throw new ArenaException("decision point " + dp.id() + " (case '" + dp.caseId() + "', rule '"
                                + dp.rule() + "', " + dp.time() + "): policy '" + policy.name() + "' failed: "
                                + failure.kind() + " " + failure.message());
                    }
                }
            }
            chunk.endLogCase(decisions.counts(), points.size());
        }
        return chunk;
    }

    private int ruleIndex(String rule) {
        int i = ruleNames.indexOf(rule);
        if (i < 0) {
            throw new IllegalStateException("unknown rule " + rule);
        }
        return i;
    }
}
