package org.systemarena.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.verdict.Reason;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.ThresholdConfig;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;

/** The README's verdict example, as written, on the bundled example. */
class ReadmeVerdictExampleTest {
    @Test
    void readmeShowsThisTestsExample() throws IOException {
        String readme = Files.readString(ExampleWorkflow.DIR.resolve("../../README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        String block = null;
        while (m.find()) {
            if (m.group(1).contains("verdict()")) {
                block = m.group(1);
            }
        }
        assertThat(block).isNotNull();
        String self = Files.readString(Path.of("src/test/java/org/systemarena/eval/ReadmeVerdictExampleTest.java"));
        for (String line : block.strip().lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void theDefaultCandidateOfTheExampleIsInconclusiveAndSaysWhy() {
        Workflow workflow = Datasets.loadWorkflow(ExampleWorkflow.DIR);
        Policy policy = new ThresholdPolicy(new ThresholdConfig("days_since_last_contact", 3, "make_call", "wait"));
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log());
        // --- README verdict example (keep in sync with README.md) ---
        List<BenchmarkResult> results = runner.run(policy, HistoricalPolicy.withFallback("wait"));
        Evaluation evaluation = Evaluation.of(results);
        Verdict verdict = evaluation.comparison(policy.name(), "historical").orElseThrow().verdict();
        System.out.println(verdict.outcome() + " " + verdict.reason() + ": " + verdict.message());
        // --- end of README verdict example ---
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(verdict.reason()).isEqualTo(Reason.SMALL_EFFECTIVE_SAMPLE);
        assertThat(verdict.notEstimable()).isEqualTo(policy.name());
        assertThat(verdict.message()).startsWith("'threshold:days_since_last_contact' cannot be estimated: effective"
                + " sample size 1.3 of 300 used cases (minimum 30): 2 of the 300 cases (0.7%) have a logged trajectory"
                + " the policy could have produced");
        // The README: the model-based fallback declines, the rule's probability being 35% model-extrapolated.
        assertThat(verdict.modelObstacle()).isEqualTo("35.1% of the probability of 'threshold:days_since_last_contact'"
                + " is on actions the log took too rarely in some training fold to model them (model-extrapolated;"
                + " allowed: 1.0%)");
        assertThat(evaluation.policy("historical").orElseThrow().conversion().assessment().recommended().value())
                .isEqualTo(evaluation.observed().rate());
    }
}
