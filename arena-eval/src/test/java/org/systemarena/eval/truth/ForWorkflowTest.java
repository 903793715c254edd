package org.systemarena.eval.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.eval.ExampleWorkflow;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** When the truth applies to a workflow, and what happens when a policy or manifest does not fit the generator. */
class ForWorkflowTest {
    private static final LeadFollowupConfig EXAMPLE = LeadFollowupConfig.of(300, 42);

    /** A copy of the example: its manifest (edited by {@code manifest}), its marker when asked, and {@code log}. */
    private static Path copy(Path tmp, EventLog log, boolean marker, java.util.function.UnaryOperator<String> manifest)
            throws IOException {
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("manifest.yaml"),
                manifest.apply(Files.readString(ExampleWorkflow.DIR.resolve("manifest.yaml"))));
        if (marker) {
            Files.copy(ExampleWorkflow.DIR.resolve("data/generator.json"), tmp.resolve("data/generator.json"));
        }
        Datasets.writeParquet(log, tmp.resolve("data/events.parquet"));
        return tmp;
    }

    @Test
    void theBundledExampleHasATruth() {
        Workflow w = ExampleWorkflow.load();
        Optional<LeadFollowupTruth> truth = LeadFollowupTruth.forWorkflow(w.dir(), w.log());
        assertThat(truth).isPresent();
        assertThat(truth.get().config()).isEqualTo(EXAMPLE);
        assertThat(truth.get().leads()).isEqualTo(300);
        assertThat(truth.get().manifest().source()).endsWith("manifest.yaml");
        WorkflowTruth check = LeadFollowupTruth.check(w.dir(), w.log());
        assertThat(check.available()).isTrue();
        assertThat(check.reason()).contains("data/generator.json: the log is LeadFollowupGenerator's (version 2, 300"
                + " leads, seed 42): 6,806 events");
    }

    @Test
    void aModifiedLogHasNone(@TempDir Path tmp) throws IOException {
        EventLog log = ExampleWorkflow.load().log();
        Path dir = copy(tmp, log.filter(r -> r != 100), true, m -> m);
        EventLog loaded = Datasets.loadWorkflow(dir).log();
        assertThat(LeadFollowupTruth.forWorkflow(dir, loaded)).isEmpty();
        assertThat(LeadFollowupTruth.check(dir, loaded).reason())
                .endsWith("generator.json: the loaded log has 6,805 events in 300 cases, the marker says 6,806 in 300");
    }

    @Test
    void aLogWithoutMarkerHasNone(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp, ExampleWorkflow.load().log(), false, m -> m);
        EventLog loaded = Datasets.loadWorkflow(dir).log();
        assertThat(LeadFollowupTruth.forWorkflow(dir, loaded)).isEmpty();
        assertThat(LeadFollowupTruth.check(dir, loaded).reason()).startsWith("no ")
                .endsWith("generator.json: the log is not marked as the synthetic generator's");
    }

    @Test
    void aManifestThatDecidesElsewhereHasNone(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp, ExampleWorkflow.load().log(), true,
                m -> m.replace("days_since_last_contact > 2", "days_since_last_contact > 5"));
        EventLog loaded = Datasets.loadWorkflow(dir).log();
        WorkflowTruth check = LeadFollowupTruth.check(dir, loaded);
        assertThat(check.available()).isFalse();
        assertThat(check.reason()).contains("manifest.yaml: its decision points are not where the generator's reps"
                + " decide:").contains("decision.executed events");
        // Asked directly with that manifest, the truth refuses too, naming the first lead where they part.
        LeadFollowupTruth direct = LeadFollowupTruth.of(EXAMPLE, Datasets.loadManifest(dir.resolve("manifest.yaml")));
        assertThatThrownBy(() -> direct.trueConversion(ExampleWorkflowPolicies.threshold()))
                .isInstanceOf(ArenaException.class)
                .hasMessageContaining("does not define its decision points where the generator's reps decide")
                .hasMessageContaining("re-simulating lead-");
    }

    @Test
    void aPolicyTheGeneratorCannotFollowIsAnError() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(5));
        assertThatThrownBy(() -> truth.trueConversion(fixed("call_later")))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("policy 'fixed' chose 'call_later', which the generator cannot simulate (it"
                        + " knows send_email, make_call, wait, escalate) at decision point lead-000001#")
                .hasMessageContaining("(decision 1 of lead-000001 re-simulated, 2025-01-06T");
        assertThatThrownBy(() -> truth.trueConversion(new Policy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
                throw new IllegalStateException("no model loaded");
            }
        })).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("policy 'broken' failed: java.lang.IllegalStateException: no model loaded at"
                        + " decision point lead-000001#");
    }

    @Test
    void anActionTheManifestDoesNotAllowIsAnError(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp, ExampleWorkflow.load().log(), true, m -> m.replace(
                "    trigger: interaction.occurred:inbound\n    allowed_actions: [send_email, make_call, wait, escalate]",
                "    trigger: interaction.occurred:inbound\n    allowed_actions: [send_email, make_call, wait]"));
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(5),
                Datasets.loadManifest(dir.resolve("manifest.yaml")));
        assertThatThrownBy(() -> truth.trueConversion(fixed("escalate")))
                .isInstanceOf(ArenaException.class)
                .hasMessageContaining("policy 'fixed' gives probability 1.0 to 'escalate', which is not allowed there");
    }

    private static Policy fixed(String action) {
        return new Policy() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
                return Decision.of(action);
            }
        };
    }

    /** The example's default candidate. */
    private static final class ExampleWorkflowPolicies {
        static Policy threshold() {
            return org.systemarena.policy.ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait");
        }
    }
}
