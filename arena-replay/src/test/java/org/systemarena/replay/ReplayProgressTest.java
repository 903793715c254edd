package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.RandomPolicy;

class ReplayProgressTest {
    private static final Manifest MANIFEST = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
    private static final EventLog LOG = LeadFollowupGenerator.generate(LeadFollowupConfig.of(10_000, 3));

    private record Call(int cases, int total, long points) {
    }

    private static List<Call> progress(BenchmarkConfig config, List<BenchmarkResult> out) {
        List<Call> calls = new ArrayList<>();
        out.addAll(BenchmarkRunner.of(MANIFEST, LOG, config).runAll(
                List.of(ConstantPolicy.of("wait"), RandomPolicy.withSeed(2)),
                (cases, total, points) -> calls.add(new Call(cases, total, points))));
        return calls;
    }

    @Test
    void reportsBatchesInCaseOrderAndEndsWithEveryCase() {
        for (int threads : new int[] {1, 2, 3}) {
            List<BenchmarkResult> results = new ArrayList<>();
            List<Call> calls = progress(BenchmarkConfig.builder().threads(threads).build(), results);
            assertThat(calls).hasSizeGreaterThan(2);
            for (int i = 1; i < calls.size(); i++) {
                assertThat(calls.get(i).cases()).isGreaterThan(calls.get(i - 1).cases());
                assertThat(calls.get(i).points()).isGreaterThanOrEqualTo(calls.get(i - 1).points());
            }
            assertThat(calls).allSatisfy(c -> assertThat(c.total()).isEqualTo(10_000));
            assertThat(calls.get(calls.size() - 1))
                    .isEqualTo(new Call(10_000, 10_000, results.get(0).decisionPoints()));
            // Points reported at each batch boundary equal the points of the cases replayed so far.
            Call mid = calls.get(calls.size() / 2);
            BenchmarkResult r = results.get(0);
            long upTo = 0;
            for (int c = 0; c < r.table().caseCount(); c++) {
                if (LOG.caseIndex(r.table().caseId(c)) < mid.cases()) {
                    upTo += r.table().caseStart(c + 1) - r.table().caseStart(c);
                }
            }
            assertThat(mid.points()).isEqualTo(upTo);
        }
    }

    @Test
    void aTruncatedReplayEndsAtTheCaseWhereItStopped() {
        List<BenchmarkResult> results = new ArrayList<>();
        List<Call> calls = progress(BenchmarkConfig.builder().threads(2).maxDecisionPoints(1_000).build(), results);
        BenchmarkResult r = results.get(0);
        assertThat(r.truncated()).isTrue();
        Call last = calls.get(calls.size() - 1);
        assertThat(last.points()).isEqualTo(1_000).isEqualTo(r.decisionPoints());
        String lastCase = r.table().caseId(r.table().caseCount() - 1);
        assertThat(last.cases()).isEqualTo(LOG.caseIndex(lastCase) + 1);
    }
}
