package org.systemarena.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
// Beside AssertJ's own assertThat, as a workflow repository's tests would have it.
import static org.systemarena.test.ArenaAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.systemarena.core.ExampleDir;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.run.RunResult;

/**
 * The extension as JUnit runs it: the nested classes are test classes of a workflow repository (surefire skips
 * nested classes; these run through the launcher) and the tests here check what JUnit reported.
 */
class ArenaExtensionTest {
    static final List<RunResult> SEEN = new CopyOnWriteArrayList<>();

    @ArenaWorkflow(value = "examples/lead-followup", policies = "constant:action=wait",
            baselines = "historical:fallback=wait")
    static class AWorkflowRepositoryTest {
        @Test
        void takesTheRun(RunResult run, Evaluation evaluation, Workflow workflow, Manifest manifest,
                         List<BenchmarkResult> replays) {
            SEEN.add(run);
            assertThat(evaluation).isSameAs(run.evaluation());
            assertThat(workflow).isSameAs(run.workflow());
            assertThat(manifest).isSameAs(run.manifest());
            assertThat(replays).extracting(BenchmarkResult::policyName).containsExactly("constant:wait",
                    "historical");
            // Found above the working directory (the module's folder), and written to a temporary folder.
            assertThat(run.config().workflowDir()).isEqualTo(ExampleDir.DIR.toAbsolutePath().normalize());
            assertThat(run.config().outputDir()).exists();
            assertThat(run.config().outputDir().startsWith(ExampleDir.DIR.toAbsolutePath())).isFalse();
        }

        @Test
        void takesTheSameRunAgain(RunResult run) {
            SEEN.add(run);
        }

        @Test
        void skipsWhenTheLogCannotTell(RunResult run) {
            assertThat(run).policy("constant:wait").conversion().orSkipIfInconclusive()
                    .isNotWorseThan("historical").by(0.02);
        }

        @Nested
        class ANestedGroup {
            @Test
            void sharesTheEnclosingClasssRun(RunResult run) {
                SEEN.add(run);
            }
        }
    }

    @Test
    void oneRunPerClassSharedWithItsNestedClassesAndItsOutputRemovedAfterTheClass() {
        SEEN.clear();
        TestExecutionSummary summary = run(AWorkflowRepositoryTest.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(1)).isSameAs(SEEN.get(0));
        assertThat(SEEN.get(2)).isSameAs(SEEN.get(0));
        Path output = SEEN.get(0).config().outputDir();
        assertThat(Files.exists(output)).as("the run's temporary output %s after the class", output).isFalse();
    }

    @ArenaWorkflow(value = "examples/lead-followup",
            policies = "threshold:field=days_since_contact,threshold=3,above=make_call,below=wait")
    static class ABadSpecificationTest {
        @Test
        void one(RunResult run) {
        }

        @Test
        void two(Evaluation evaluation) {
        }
    }

    @Test
    void aRunThatFailsFailsEveryTestWithTheLibrarysMessageAndIsNotRetried() {
        TestExecutionSummary summary = run(ABadSpecificationTest.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(2);
        List<Throwable> errors = summary.getFailures().stream().map(TestExecutionSummary.Failure::getException)
                .toList();
        assertThat(errors.get(0)).hasMessageStartingWith("the run of " + ExampleDir.DIR.toAbsolutePath().normalize()
                + " failed: ").hasMessageContaining("days_since_contact");
        assertThat(errors.get(0).getCause()).isSameAs(errors.get(1).getCause());
    }

    @ArenaWorkflow("no/such/workflow")
    static class AMissingWorkflowTest {
        @Test
        void one(RunResult run) {
        }
    }

    @Test
    void aMissingFolderIsNamedWithWhereItWasLookedFor() {
        TestExecutionSummary summary = run(AMissingWorkflowTest.class);
        String expected = "@ArenaWorkflow(\"no/such/workflow\") on " + AMissingWorkflowTest.class.getName()
                + ": no folder 'no/such/workflow' in " + Path.of("").toAbsolutePath() + " or any folder above it";
        // JUnit wraps it in its own "Failed to resolve parameter [...]: " message.
        assertThat(summary.getFailures()).singleElement().extracting(TestExecutionSummary.Failure::getException)
                .satisfies(e -> assertThat(e).hasMessageEndingWith("]: " + expected).cause().hasMessage(expected));
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }
}
