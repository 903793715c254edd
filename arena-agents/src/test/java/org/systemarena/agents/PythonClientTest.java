package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
        try (AgentServer server = new AgentServer("python3", Example.EXAMPLE_AGENT.toString());
             AgentPolicy agent = AgentPolicies.http(Map.of("url", server.url(), "name", "example"))) {
            List<BenchmarkResult> r = Example.replay(2, agent);
            assertThat(r.get(0).failedDecisions()).isZero();
            assertThat(agent.stats().calls()).isEqualTo(1649);
            assertThat(Example.resultsJson(r)).isEqualTo(stdio);
        }
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
        Faults.onlyLead3Fails("python3 -c \"" + script + "\"", "ValueError: no budget for lead-000003");
    }
}
