package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.systemarena.replay.BenchmarkResult;

/** The Python reference client's example agent, as a stdio worker and as an HTTP server, on the bundled example. */
class PythonClientTest {
    @Test
    void theExampleAgentGivesTheSameResultsOverStdioAndHttp() throws Exception {
        String stdio;
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 " + Example.EXAMPLE_AGENT,
                "name", "example"))) {
            List<BenchmarkResult> r = Example.replay(1, agent);
            assertThat(r.get(0).failedDecisions()).isZero();
            stdio = Example.resultsJson(r);
        }
        Process server = new ProcessBuilder("python3", Example.EXAMPLE_AGENT.toString(), "--http", "0").start();
        try {
            String url = listening(server) + "decide";
            try (AgentPolicy agent = AgentPolicies.http(Map.of("url", url, "name", "example"))) {
                List<BenchmarkResult> r = Example.replay(2, agent);
                assertThat(r.get(0).failedDecisions()).isZero();
                assertThat(agent.stats().calls()).isEqualTo(1649);
                assertThat(Example.resultsJson(r)).isEqualTo(stdio);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The address the server prints on stderr when it listens. */
    private static String listening(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                StandardCharsets.UTF_8));
        String line = err.readLine();
        assertThat(line).isNotNull();
        Matcher m = Pattern.compile("arena agent listening on (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return m.group(1);
    }

    /** An exception in decide is that decision point's error; the worker keeps serving the others. */
    @Test
    void anExceptionInDecideIsRecordedAndTheWorkerGoesOn() {
        String script = "import sys; sys.path.insert(0, '" + Example.PYTHON_CLIENT + "'); import arena_agent\n"
                + "def decide(r):\n"
                + "    if r['case_id'] == 'lead-000003': raise ValueError('no budget for ' + r['case_id'])\n"
                + "    print('deciding', r['decision_id'])\n"
                + "    return 'wait'\n"
                + "arena_agent.main(decide)\n";
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 -c \"" + script + "\"",
                "name", "raises"))) {
            BenchmarkResult r = Example.replay(1, agent).get(0);
            assertThat(Faults.byCase(r)).containsExactlyEntriesOf(Map.of("lead-000003", List.of(
                    "EXCEPTION: AgentException: agent reported an error: ValueError: no budget for lead-000003")));
            assertThat(agent.stats().recoveries()).isZero(); // print() went to stderr, not into the answers
        }
    }
}
