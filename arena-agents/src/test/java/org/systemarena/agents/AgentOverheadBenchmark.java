package org.systemarena.agents;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.replay.BenchmarkResult;

/**
 * The protocol's own cost per decision (issue 19, item 8): the example replayed against a no-op agent over stdio
 * and over loopback HTTP, against the same replay with an in-JVM constant policy. Not a test: run it on a quiet
 * machine with
 * <pre>{@code
 * mvn -q -pl arena-agents test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp arena-agents/target/test-classes:arena-agents/target/classes:$(cat arena-agents/target/cp.txt) \
 *     org.systemarena.agents.AgentOverheadBenchmark
 * }</pre>
 * from the repository's root. The no-op stdio agent is a three-line Python loop, so its figure includes Python's own
 * cost of reading and writing a line; the HTTP agent is the JDK's server in this JVM.
 */
public final class AgentOverheadBenchmark {
    private static final String NOOP_PYTHON = "python3 -c \"import sys\nw = sys.stdout.write\nf = sys.stdout.flush\n"
            + "for line in sys.stdin:\n    w('{\\\"action\\\": \\\"wait\\\"}\\n'); f()\"";
    private static final int ROUNDS = 5;

    private AgentOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Example.workflow();
        double constant1 = perDecision(ConstantPolicy.of("wait"), 1);
        double constant8 = perDecision(ConstantPolicy.of("wait"), 8);
        report("in-JVM constant policy, 1 thread", constant1, 0, null);
        report("in-JVM constant policy, 8 threads", constant8, 0, null);
        try (AgentPolicy stdio = AgentPolicies.process(Map.of("cmd", NOOP_PYTHON, "name", "noop"))) {
            report("stdio, 1 worker, 1 thread", perDecision(stdio, 1), constant1, stdio.stats());
        }
        try (AgentPolicy stdio = AgentPolicies.process(Map.of("cmd", NOOP_PYTHON, "name", "noop", "workers", "8"))) {
            report("stdio, 8 workers, 8 threads", perDecision(stdio, 8), constant8, stdio.stats());
        }
        try (LoopbackAgent server = new LoopbackAgent(Map.of(), 0);
             AgentPolicy http = AgentPolicies.http(Map.of("url", server.url(), "name", "noop", "in_flight", "8"))) {
            report("loopback HTTP, 1 thread", perDecision(http, 1), constant1, http.stats());
        }
        try (LoopbackAgent server = new LoopbackAgent(Map.of(), 0);
             AgentPolicy http = AgentPolicies.http(Map.of("url", server.url(), "name", "noop", "in_flight", "8"))) {
            report("loopback HTTP, 8 in flight, 8 threads", perDecision(http, 8), constant8, http.stats());
        }
    }

    /** Wall time per decision point, in microseconds, over {@link #ROUNDS} replays after one warm-up replay. */
    private static double perDecision(Policy policy, int threads) {
        Example.replay(threads, policy);
        long points = 0;
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            List<BenchmarkResult> r = Example.replay(threads, policy);
            points += r.get(0).decisionPoints();
        }
        return (System.nanoTime() - start) / 1e3 / points;
    }

    private static void report(String what, double us, double baselineUs, AgentStats stats) {
        System.out.printf(Locale.ROOT, "%-40s %8.1f us per decision%s%n", what, us, baselineUs == 0 ? ""
                : String.format(Locale.ROOT, ", protocol overhead %.1f us (call p50 %.0f us, p99 %.0f us)",
                us - baselineUs, stats.latencyP50Ms() * 1000, stats.latencyP99Ms() * 1000));
    }
}
