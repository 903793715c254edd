package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;

/** docs/manifest.md's example of reading the behaviour-model columns, as written, on the bundled example. */
class ManifestDocExampleTest {
    @Test
    void theDocShowsThisTestsExample() throws IOException {
        String doc = Files.readString(ExampleWorkflow.DIR.resolve("../../docs/manifest.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        String block = null;
        while (m.find()) {
            if (m.group(1).contains("behaviourFeature(")) {
                block = m.group(1);
            }
        }
        assertThat(block).isNotNull();
        String self = Files.readString(Path.of("src/test/java/org/systemarena/replay/ManifestDocExampleTest.java"));
        for (String line : block.strip().lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void theExampleRunsOnTheBundledWorkflow() {
        Workflow w = Datasets.loadWorkflow(ExampleWorkflow.DIR);
        Manifest manifest = w.manifest();
        EventLog log = w.log();
        Policy policy = RandomPolicy.withSeed(7);
        double sum = 0;
        int withDistribution = 0;
        // --- docs/manifest.md example (keep in sync) ---
        TraceTable t = BenchmarkRunner.of(manifest, log).run(policy).table();
        SnapshotColumn budget = t.behaviourFeature("budget");       // rows are the table's rows
        for (int row = 0; row < t.size(); row++) {
            double b = budget.number(row);                          // NaN when null; no boxing for NUMBER and TEXT reads
            double mu = t.loggingDistribution(row, t.actionCode(row)); // NaN when the row has no logged distribution
            sum += b;
            withDistribution += Double.isNaN(mu) ? 0 : 1;
        }
        SnapshotColumn status = t.behaviourFeature("status");       // kind() TEXT: textCode(row) in [0, textCount()), text(code)
        // --- end of the example ---
        System.out.println(t.behaviourFeatures());
        assertThat(budget.kind()).isEqualTo(SnapshotColumn.Kind.NUMBER);
        assertThat(sum).isPositive();
        assertThat(withDistribution).isZero(); // the example logs propensities, not distributions
        assertThat(status.kind()).isEqualTo(SnapshotColumn.Kind.TEXT);
        assertThat(status.textCount()).isPositive();
    }
}
