package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.ThresholdPolicy;

class DeterminismTest {
    @Test
    void anyThreadCountGivesByteIdenticalTraces() {
        Manifest manifest = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(2_000, 11));
        List<Policy> policies = List.of(RandomPolicy.withSeed(5),
                ThresholdPolicy.of("days_since_last_contact", 4, "make_call", "send_email"),
                HistoricalPolicy.withFallback("wait"));
        List<String> reference = null;
        for (int threads : new int[] {1, 2, 4}) {
            BenchmarkRunner runner = BenchmarkRunner.of(manifest, log,
                    BenchmarkConfig.builder().threads(threads).build());
            List<String> out = runner.runAll(policies).stream().map(BenchmarkRunnerTest::jsonl).toList();
            if (reference == null) {
                reference = out;
                assertThat(out.get(0).lines().count()).isGreaterThan(1_000);
            } else {
                assertThat(out).as("traces with %d threads", threads).isEqualTo(reference);
            }
        }
    }

    @Test
    void truncationIsTheSameForAnyThreadCount() {
        Manifest manifest = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(1_000, 3));
        String one = BenchmarkRunnerTest.jsonl(BenchmarkRunner.of(manifest, log,
                BenchmarkConfig.builder().threads(1).maxDecisionPoints(777).build()).run(RandomPolicy.withSeed(1)));
        String two = BenchmarkRunnerTest.jsonl(BenchmarkRunner.of(manifest, log,
                BenchmarkConfig.builder().threads(2).maxDecisionPoints(777).build()).run(RandomPolicy.withSeed(1)));
        assertThat(one.lines().count()).isEqualTo(777);
        assertThat(two).isEqualTo(one);
    }
}
