import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.DecisionTrace;

/** Replays data/events.parquet against FollowUpPolicy and two baselines. */
class FollowUpPolicyTest {
    @Test
    void replaysTheLogWithoutErrors() {
        Workflow workflow = Datasets.loadWorkflow(Path.of("."));
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log());
        List<BenchmarkResult> results = runner.run(new FollowUpPolicy(), RandomPolicy.withSeed(42),
                HistoricalPolicy.withFallback("wait"));
        BenchmarkResult policy = results.get(0);
        System.out.println(policy.summary());

        assertTrue(policy.decisionPoints() > 0, "the log has decision points");
        assertEquals(0, policy.failedDecisions(), "every decision is valid");
        assertEquals(results.get(1).decisionPoints(), policy.decisionPoints(), "baselines see the same points");
        for (DecisionTrace t : policy.traces()) {
            String expected = t.decision().action();
            assertTrue(expected.equals("make_call") || expected.equals("send_email"), expected);
        }
    }
}
