package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.Policy;
import org.systemarena.policy.ThresholdConfig;
import org.systemarena.policy.ThresholdPolicy;

/** The README's Java example, run as written on the bundled example workflow. */
class ReadmeExampleTest {
    @Test
    void readmeShowsThisTestsExample() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(ExampleWorkflow.DIR.resolve("../../README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```java\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).isTrue();
        String self = java.nio.file.Files.readString(
                Path.of("src/test/java/org/systemarena/replay/ReadmeExampleTest.java"));
        for (String line : m.group(1).strip().lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void readmeExampleRunsOnTheBundledWorkflow() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        BenchmarkResult ran;
        try {
            Path exampleDir = ExampleWorkflow.DIR;
            // --- README example (keep in sync with README.md) ---
            Workflow workflow = Datasets.loadWorkflow(exampleDir);
            Policy policy = new ThresholdPolicy(new ThresholdConfig("days_since_last_contact", 3, "make_call", "wait"));
            BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log());
            BenchmarkResult result = runner.run(policy);
            System.out.println(result.summary());
            // --- end of README example ---
            ran = result;
        } finally {
            System.setOut(console);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        console.print(out);
        assertThat(out).contains("Policy: threshold:days_since_last_contact", "Decision points: ", "Decisions: ");

        // Independent recount over the raw log: follow-up checks more than 2 days after the last interaction,
        // plus inbound interactions.
        EventLog log = Datasets.loadWorkflow(ExampleWorkflow.DIR).log();
        long expected = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            Long lastInteraction = null;
            for (int r = log.caseStart(c); r < log.caseEnd(c); r++) {
                String type = log.eventType(r);
                if (type.equals("interaction.occurred")) {
                    lastInteraction = log.timestampMicros(r);
                    if ("inbound".equals(log.payload().get(r, "direction"))) {
                        expected++;
                    }
                } else if (type.equals("timer.elapsed") && lastInteraction != null
                        && log.timestampMicros(r) - lastInteraction > Duration.ofDays(2).toNanos() / 1000) {
                    expected++;
                }
            }
        }
        BenchmarkResult result = ran;
        assertThat((long) result.decisionPoints()).isEqualTo(expected).isGreaterThan(100);
        assertThat(result.failedDecisions()).isZero();
        // The threshold policy only makes calls or waits, so it never emails or escalates: no violations.
        assertThat(Counts.violations(result)).isZero();
        assertThat(Counts.actions(result).keySet()).containsExactlyInAnyOrder("make_call", "wait");
    }
}
