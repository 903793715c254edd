package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.systemarena.decision.CaseDecisions;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.RuleCounts;
import org.systemarena.policy.Policy;

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

    private final EventLog log;
    private final BenchmarkConfig config;
    private final DecisionPointExtractor extractor;
    private final ConstraintSet constraints;
    private final List<String> ruleNames;
    private volatile int[] replayRank;

    private BenchmarkRunner(Manifest manifest, EventLog log, BenchmarkConfig config) {
        this.log = Objects.requireNonNull(log, "log");
        this.config = Objects.requireNonNull(config, "config");
        Manifest effective = new Manifest(manifest.name(), manifest.version(), manifest.description(),
                manifest.caseConfig(),
                config.decisionRules() == null ? manifest.decisionPoints() : config.decisionRules(),
                manifest.allowedActions(), manifest.outcomes(),
                config.constraints() == null ? manifest.constraints() : config.constraints(),
                manifest.historicalAction(), manifest.ranking(), manifest.source());
        this.extractor = DecisionPointExtractor.of(effective, log, config.features()).withFailFast(config.failFast());
        this.constraints = new ConstraintSet(effective.constraints());
        this.ruleNames = extractor.ruleNames();
    }

    public static BenchmarkRunner of(Manifest manifest, EventLog log) {
        return new BenchmarkRunner(manifest, log, BenchmarkConfig.defaults());
    }

    public static BenchmarkRunner of(Manifest manifest, EventLog log, BenchmarkConfig config) {
        return new BenchmarkRunner(Objects.requireNonNull(manifest, "manifest"), log, config);
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
        if (policies.isEmpty()) {
            throw new ArenaException("no policy to run");
        }
        Map<String, Policy> byName = new LinkedHashMap<>();
        for (Policy p : policies) {
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new ArenaException("two policies are named '" + p.name() + "'; names must be unique in a run");
            }
        }
        PolicyCaller caller = new PolicyCaller(config.decisionTimeout());
        try {
            return replay(List.copyOf(policies), caller);
        } finally {
            caller.close();
        }
    }

    private List<BenchmarkResult> replay(List<Policy> policies, PolicyCaller caller) {
        int cases = log.caseCount();
        CaseReplay[] replays = new CaseReplay[cases];
        long limit = config.maxDecisionPoints() == 0 ? Long.MAX_VALUE : config.maxDecisionPoints();
        long seen = 0;
        boolean truncated = false;
        int processedCases = 0;
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "arena-replay");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            int wave = CASES_PER_TASK * config.threads() * 4;
            for (int from = 0; from < cases && seen < limit; from += wave) {
                int to = Math.min(cases, from + wave);
                replayWave(policies, caller, replays, from, to, pool);
                for (int c = from; c < to; c++) {
                    int n = replays[c].points();
                    if (seen + n > limit) {
                        replays[c] = replays[c].truncate((int) (limit - seen));
                        truncated = true;
                        seen = limit;
                        processedCases = c + 1;
                        break;
                    }
                    seen += n;
                    processedCases = c + 1;
                }
                if (seen >= limit && processedCases < cases) {
                    truncated = true;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return assemble(policies, replays, processedCases, truncated);
    }

    private void replayWave(List<Policy> policies, PolicyCaller caller, CaseReplay[] out, int from, int to,
                            ExecutorService pool) {
        if (pool == null) {
            for (int c = from; c < to; c++) {
                out[c] = replayCase(policies, caller, c);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int start = from; start < to; start += CASES_PER_TASK) {
            int s = start;
            int e = Math.min(to, start + CASES_PER_TASK);
            futures.add(pool.submit(() -> {
                for (int c = s; c < e; c++) {
                    out[c] = replayCase(policies, caller, c);
                }
            }));
        }
        // Wait for all, then report the first failure in case order, as a single thread would have.
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
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
    }

    private CaseReplay replayCase(List<Policy> policies, PolicyCaller caller, int caseIndex) {
        CaseDecisions decisions = extractor.extractCase(caseIndex);
        List<List<DecisionTrace>> perPolicy = new ArrayList<>(policies.size());
        for (Policy policy : policies) {
            PolicyHistory history = new PolicyHistory();
            List<DecisionTrace> traces = new ArrayList<>(decisions.points().size());
            for (DecisionPoint dp : decisions.points()) {
                DecisionTrace t = caller.decide(policy, dp, constraints, history);
                if (config.failFast() && t.hasError()) {
                    throw new ArenaException("decision point " + dp.id() + " (case '" + dp.caseId() + "', rule '"
                            + dp.rule() + "', " + dp.time() + "): policy '" + policy.name() + "' failed: "
                            + t.errors().get(0).kind() + " " + t.errors().get(0).message());
                }
                traces.add(t);
            }
            perPolicy.add(traces);
        }
        return new CaseReplay(decisions, perPolicy);
    }

    private List<BenchmarkResult> assemble(List<Policy> policies, CaseReplay[] replays, int processedCases,
                                           boolean truncated) {
        List<RuleCounts> counts = new ArrayList<>();
        ruleNames.forEach(r -> counts.add(RuleCounts.zero(r)));
        for (int c = 0; c < processedCases; c++) {
            List<RuleCounts> caseCounts = replays[c].decisions().counts();
            for (int i = 0; i < counts.size(); i++) {
                counts.set(i, counts.get(i).plus(caseCounts.get(i)));
            }
        }
        int[] rank = replayRank();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int i = 0; i < ruleNames.size(); i++) {
            ruleIndex.put(ruleNames.get(i), i);
        }
        List<BenchmarkResult> results = new ArrayList<>(policies.size());
        for (int p = 0; p < policies.size(); p++) {
            List<CaseResult> caseResults = new ArrayList<>();
            List<TraceWithKey> all = new ArrayList<>();
            for (int c = 0; c < processedCases; c++) {
                CaseReplay r = replays[c];
                List<DecisionTrace> traces = r.traces().get(p);
                if (traces.isEmpty()) {
                    continue;
                }
                caseResults.add(new CaseResult(r.decisions().caseId(), r.decisions().outcome(), traces));
                List<DecisionPoint> points = r.decisions().points();
                for (int i = 0; i < traces.size(); i++) {
                    DecisionPoint dp = points.get(i);
                    all.add(new TraceWithKey(rank[dp.triggerRow()], ruleIndex.get(dp.rule()), traces.get(i)));
                }
            }
            all.sort(Comparator.comparingInt(TraceWithKey::rank).thenComparingInt(TraceWithKey::rule));
            List<DecisionTrace> ordered = new ArrayList<>(all.size());
            all.forEach(t -> ordered.add(t.trace()));
            results.add(new BenchmarkResult(policies.get(p).name(), caseResults, ordered, counts, constraints.specs(),
                    log.caseCount(), log.size(), truncated));
        }
        return List.copyOf(results);
    }

    private int[] replayRank() {
        int[] rank = replayRank;
        if (rank == null) {
            rank = new int[log.size()];
            for (int i = 0; i < log.size(); i++) {
                rank[log.replayRow(i)] = i;
            }
            replayRank = rank;
        }
        return rank;
    }

    private record TraceWithKey(int rank, int rule, DecisionTrace trace) {
    }

    /** One case's decision points and, per policy, its traces. */
    private record CaseReplay(CaseDecisions decisions, List<List<DecisionTrace>> traces) {
        int points() {
            return decisions.points().size();
        }

        CaseReplay truncate(int keep) {
            List<List<DecisionTrace>> cut = new ArrayList<>();
            traces.forEach(t -> cut.add(t.subList(0, keep)));
            CaseDecisions d = new CaseDecisions(decisions.caseIndex(), decisions.caseId(),
                    decisions.points().subList(0, keep), decisions.outcome(), decisions.counts());
            return new CaseReplay(d, cut);
        }
    }
}
