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
import org.systemarena.decision.CaseDecisions;
import org.systemarena.decision.CaseOutcome;
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
        List<DecisionPoint> points = decisions.points();
        // Keep only the sort keys of the decision points, not the points: their snapshots would otherwise stay
        // reachable until the whole run is assembled.
        long[] order = new long[points.size()];
        for (int i = 0; i < order.length; i++) {
            DecisionPoint dp = points.get(i);
            order[i] = ((long) replayRank()[dp.triggerRow()] << 16) | ruleIndex(dp.rule());
        }
        List<List<DecisionTrace>> perPolicy = new ArrayList<>(policies.size());
        for (Policy policy : policies) {
            PolicyHistory history = new PolicyHistory();
            List<DecisionTrace> traces = new ArrayList<>(points.size());
            for (DecisionPoint dp : points) {
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
        return new CaseReplay(decisions.caseId(), decisions.outcome(), decisions.counts(), order, perPolicy);
    }

    private int ruleIndex(String rule) {
        int i = ruleNames.indexOf(rule);
        if (i < 0 || i > 0xFFFF) {
            throw new IllegalStateException("unknown rule " + rule);
        }
        return i;
    }

    private List<BenchmarkResult> assemble(List<Policy> policies, CaseReplay[] replays, int processedCases,
                                           boolean truncated) {
        List<RuleCounts> counts = new ArrayList<>();
        ruleNames.forEach(r -> counts.add(RuleCounts.zero(r)));
        int total = 0;
        for (int c = 0; c < processedCases; c++) {
            List<RuleCounts> caseCounts = replays[c].counts();
            for (int i = 0; i < counts.size(); i++) {
                counts.set(i, counts.get(i).plus(caseCounts.get(i)));
            }
            total += replays[c].points();
        }
        // Global replay order: sort (replay rank of the trigger, rule index) keys that carry their position.
        long[] keys = new long[total];
        int[] caseOf = new int[total];
        int[] indexInCase = new int[total];
        int k = 0;
        for (int c = 0; c < processedCases; c++) {
            long[] order = replays[c].order();
            for (int i = 0; i < replays[c].points(); i++) {
                keys[k] = order[i];
                caseOf[k] = c;
                indexInCase[k] = i;
                k++;
            }
        }
        Integer[] byKey = new Integer[total];
        for (int i = 0; i < total; i++) {
            byKey[i] = i;
        }
        Arrays.sort(byKey, (a, b) -> Long.compare(keys[a], keys[b]));
        List<BenchmarkResult> results = new ArrayList<>(policies.size());
        for (int p = 0; p < policies.size(); p++) {
            List<CaseResult> caseResults = new ArrayList<>();
            for (int c = 0; c < processedCases; c++) {
                CaseReplay r = replays[c];
                if (r.points() > 0) {
                    caseResults.add(new CaseResult(r.caseId(), r.outcome(), r.traces().get(p)));
                }
            }
            List<DecisionTrace> ordered = new ArrayList<>(total);
            for (Integer i : byKey) {
                ordered.add(replays[caseOf[i]].traces().get(p).get(indexInCase[i]));
            }
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

    /** One case's outcome, rule counts, decision-point sort keys and, per policy, its traces. */
    private record CaseReplay(String caseId, CaseOutcome outcome, List<RuleCounts> counts, long[] order,
                              List<List<DecisionTrace>> traces) {
        int points() {
            return order.length;
        }

        CaseReplay truncate(int keep) {
            List<List<DecisionTrace>> cut = new ArrayList<>();
            traces.forEach(t -> cut.add(t.subList(0, keep)));
            return new CaseReplay(caseId, outcome, counts, Arrays.copyOf(order, keep), cut);
        }
    }
}
