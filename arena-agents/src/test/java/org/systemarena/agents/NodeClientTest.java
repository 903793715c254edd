package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.systemarena.replay.BenchmarkResult;

/**
 * The Node.js reference client's example agent, as a stdio worker and as an HTTP server: the same results as the
 * Python example agent, which follows the same rules. Skipped where no {@code node} is installed (CI installs it).
 */
class NodeClientTest {
    static String pythonResults;

    @BeforeAll
    static void nodeIsInstalledAndPythonGivesTheReference() throws Exception {
        boolean node;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            node = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            node = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(node, "node is not installed");
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "python3 " + Example.EXAMPLE_AGENT,
                "name", "example"))) {
            pythonResults = Example.resultsJson(Example.replay(1, agent));
        }
    }

    @Test
    void overStdioWithTwoWorkers() {
        try (AgentPolicy agent = AgentPolicies.process(Map.of("cmd", "node " + Example.NODE_EXAMPLE_AGENT,
                "name", "example", "workers", "2"))) {
            List<BenchmarkResult> r = Example.replay(2, agent);
            assertThat(r.get(0).failedDecisions()).isZero();
            assertThat(Example.resultsJson(r)).isEqualTo(pythonResults);
        }
    }

    @Test
    void overHttp() throws Exception {
        try (AgentServer server = new AgentServer("node", Example.NODE_EXAMPLE_AGENT.toString());
             AgentPolicy agent = AgentPolicies.http(Map.of("url", server.url(), "name", "example"))) {
            List<BenchmarkResult> r = Example.replay(4, agent);
            assertThat(r.get(0).failedDecisions()).isZero();
            assertThat(Example.resultsJson(r)).isEqualTo(pythonResults);
        }
    }

    @Test
    void aThrownErrorIsRecordedAndTheWorkerGoesOn() {
        String script = "import('" + Example.NODE_CLIENT.resolve("arena-agent.mjs").toUri() + "').then(({ main }) =>"
                + " main(async (r) => { if (r.case_id === 'lead-000003') throw new TypeError('no budget for '"
                + " + r.case_id); console.log('deciding', r.decision_id); return 'wait'; }))";
        Faults.onlyLead3Fails("node -e \"" + script + "\"", "TypeError: no budget for lead-000003");
    }
}
