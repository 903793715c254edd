package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;

/** Keeps docs/writing-a-policy.md honest: its code is the example's policy file, which compiles and runs. */
class WritingAPolicyDocTest {
    private static final Path ROOT = ExampleWorkflow.DIR.getParent().getParent();
    private static final Path POLICY = ExampleWorkflow.DIR.resolve("policies/CallHotLeadsPolicy.java");

    @Test
    void docShowsTheExamplePolicyUnchanged() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(ROOT.resolve("docs/writing-a-policy.md")));
        assertThat(blocks.get(1)).isEqualTo(Files.readString(POLICY).strip());
        // the usage snippet is the body of runTheDocSnippet below, verbatim but for the path (tests run in the module)
        String self = Files.readString(Path.of("src/test/java/org/systemarena/replay/WritingAPolicyDocTest.java"))
                .replace("\"../examples/", "\"examples/");
        for (String line : blocks.get(2).lines().toList()) {
            assertThat(self).contains(line.strip());
        }
    }

    @Test
    void examplePolicyCompilesAndRunsAgainstTheBaselines(@TempDir Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                POLICY.toString());
        assertThat(status).as("javac exit status").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            Policy policy = (Policy) loader.loadClass("CallHotLeadsPolicy").getDeclaredConstructor().newInstance();
            List<BenchmarkResult> results = runTheDocSnippet(policy);
            BenchmarkResult mine = results.get(0);
            assertThat(results).extracting(BenchmarkResult::policyName)
                    .containsExactly("call-hot-leads", "random", "historical");
            assertThat(mine.failedDecisions()).isZero();

            // recount the calls straight from the snapshots the extractor produces
            Workflow workflow = Datasets.loadWorkflow(ExampleWorkflow.DIR);
            long calls = 0;
            for (DecisionPoint dp : DecisionPointExtractor.of(workflow.manifest(), workflow.log()).extractAll()
                    .decisionPoints()) {
                Object days = dp.snapshot().get("days_since_last_contact");
                Object budget = dp.snapshot().get("budget");
                if (days instanceof Double d && d > 3 && budget instanceof Number b && b.doubleValue() >= 50_000) {
                    calls++;
                }
            }
            assertThat(Counts.actions(mine).get("make_call")).isEqualTo(calls).isPositive();
            assertThat(Counts.actions(mine).get("send_email"))
                    .isEqualTo(mine.decisionPoints() - calls);
        }
    }

    private static List<BenchmarkResult> runTheDocSnippet(Policy callHotLeads) {
        Workflow workflow = Datasets.loadWorkflow(Path.of("../examples/lead-followup"));
        BenchmarkRunner runner = BenchmarkRunner.of(workflow.manifest(), workflow.log());
        List<BenchmarkResult> results = runner.run(callHotLeads,
                RandomPolicy.withSeed(42), HistoricalPolicy.withFallback("wait"));
        results.forEach(r -> System.out.println(r.summary()));
        return results;
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1).strip());
        }
        return blocks;
    }
}
