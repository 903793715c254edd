package org.systemarena.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionError;
import org.systemarena.replay.DecisionTrace;

/** The errors of a replay by case: what each fault left on its decision points. */
final class Faults {
    private Faults() {
    }

    /** Case id to the distinct "KIND: message" of its failed decision points, in order. */
    static Map<String, List<String>> byCase(BenchmarkResult r) {
        Map<String, List<String>> m = new TreeMap<>();
        for (DecisionTrace t : r.traces()) {
            for (DecisionError e : t.errors()) {
                List<String> list = m.computeIfAbsent(t.caseId(), k -> new java.util.ArrayList<>());
                String s = e.kind() + ": " + e.message();
                if (!list.contains(s)) {
                    list.add(s);
                }
            }
        }
        return m;
    }

    /**
     * Replays the example against an agent whose decide raises on lead-000003 and logs elsewhere: only that case's
     * decision points fail, with {@code message}, and no worker was lost to the logging.
     */
    static void onlyLead3Fails(String command, String message) {
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", command, "name", "raises"))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            org.assertj.core.api.Assertions.assertThat(byCase(r)).containsExactlyEntriesOf(Map.of("lead-000003",
                    List.of("EXCEPTION: AgentException: agent reported an error: " + message)));
            org.assertj.core.api.Assertions.assertThat(agent.stats().recoveries()).isZero();
        }
    }

    /** Case id to how many of its decision points failed. */
    static Map<String, Long> failedPoints(BenchmarkResult r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DecisionTrace t : r.traces()) {
            if (t.hasError()) {
                m.merge(t.caseId(), 1L, Long::sum);
            }
        }
        return new TreeMap<>(m);
    }
}
