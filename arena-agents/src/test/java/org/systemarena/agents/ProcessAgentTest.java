package org.systemarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.policy.Policy;
import org.systemarena.policy.PolicyRegistry;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionTrace;

/** The Python reference client's example agent as a stdio worker, over the bundled example. */
class ProcessAgentTest {
    @Test
    void exampleAgentDecidesEveryDecisionPointOfTheExample() {
        Policy p = PolicyRegistry.load().create("process", Map.of("cmd", "python3 " + Example.EXAMPLE_AGENT));
        try (AgentPolicy agent = (AgentPolicy) p) {
            assertThat(agent.name()).isEqualTo("example_agent");
            BenchmarkResult r = Example.replay(1, agent).get(0);
            assertThat(r.decisionPoints()).isEqualTo(1649);
            assertThat(r.failedDecisions()).isZero();
            AgentStats s = agent.stats();
            assertThat(s.calls()).isEqualTo(1649);
            assertThat(s.failures()).isZero();
            assertThat(s.recoveries()).isZero();
            DecisionTrace first = r.traces().get(0);
            System.out.println(first);
            System.out.println(s);
        }
    }
}
