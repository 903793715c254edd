package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.agents.LoopbackAgent.Fault;
import org.systemarena.replay.BenchmarkResult;

/** A loopback HTTP agent that fails in every way HTTP can, on chosen cases of the example. */
class HttpFaultTest {
    @Test
    void everyFaultIsRecordedOnItsDecisionPointsAndRetriesRecoverWhatTheyCan() throws Exception {
        Map<String, Fault> faults = Map.of("lead-000002", Fault.FLAKY, "lead-000003", Fault.ALWAYS_503,
                "lead-000004", Fault.TOO_MANY_REQUESTS, "lead-000005", Fault.NOT_FOUND, "lead-000006", Fault.GARBAGE,
                "lead-000025", Fault.SLOW, "lead-000013", Fault.BAD_ACTION, "lead-000020", Fault.DROP);
        BenchmarkResult r;
        AgentStats stats;
        String url;
        try (LoopbackAgent server = new LoopbackAgent(faults, 0);
             AgentPolicy agent = AgentPolicies.http(Map.of("url", server.url(), "timeout_ms", "1000",
                     "retries", "2", "backoff_ms", "5", "max_backoff_ms", "20", "in_flight", "4"))) {
            url = server.url();
            r = Example.replay(8, agent).get(0);
            stats = agent.stats();
            assertThat(server.maxInFlight.get()).isBetween(2, 4); // 8 threads ask, 4 at a time
        }
        assertThat(r.decisionPoints()).isEqualTo(1649);
        Map<String, List<String>> errors = Faults.byCase(r);
        assertThat(errors).containsOnlyKeys("lead-000003", "lead-000005", "lead-000006", "lead-000025",
                "lead-000013", "lead-000020");
        assertThat(errors.get("lead-000003")).containsExactly(
                "EXCEPTION: AgentException: HTTP 503 from " + url + ": 'overloaded' (after 3 attempts)");
        assertThat(errors.get("lead-000005")).containsExactly(
                "EXCEPTION: AgentException: HTTP 404 from " + url + ": 'no such route'");
        assertThat(errors.get("lead-000006")).containsExactly("EXCEPTION: AgentException: response is not valid JSON"
                + " at column 1 (Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false')): '<html>oops</html>'");
        assertThat(errors.get("lead-000025")).containsExactly(
                "EXCEPTION: AgentException: no answer from " + url + " within 1000 ms");
        assertThat(errors.get("lead-000013")).containsExactly("DISALLOWED_ACTION: action 'fly_to_the_moon' is not"
                + " allowed here (allowed: send_email, make_call, wait, escalate)");
        assertThat(errors.get("lead-000020")).singleElement().asString()
                .startsWith("EXCEPTION: AgentException: cannot reach " + url + ": ").endsWith(" (after 3 attempts)");
        assertThat(Faults.failedPoints(r)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(entry("lead-000003", 2L),
                entry("lead-000005", 6L), entry("lead-000006", 5L), entry("lead-000025", 2L),
                entry("lead-000013", 2L), entry("lead-000020", 4L)));
        // The flaky case and the 429 recovered on their second attempt; the 503s and dropped connections retried.
        assertThat(r.traces().stream().filter(t -> t.caseId().equals("lead-000004")))
                .allMatch(t -> "send_email".equals(t.action()));
        assertThat(stats.recoveries()).isEqualTo(4 + 2 + 2 * 2 + 4 * 2);
        assertThat(stats.calls()).isEqualTo(1649);
        assertThat(stats.failures()).isEqualTo(2 + 6 + 5 + 2 + 4);
    }
}
