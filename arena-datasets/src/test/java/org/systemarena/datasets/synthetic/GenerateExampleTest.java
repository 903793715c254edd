package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.Action;
import org.systemarena.core.EventLog;
import org.systemarena.core.ExampleDir;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.Severity;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;

/** The committed example data is exactly what the generator makes, and reads the same from Parquet and JSONL. */
class GenerateExampleTest {
    private static final Path EXAMPLE = ExampleDir.DIR;

    private static void assertSameLog(EventLog actual, EventLog expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.caseIds()).isEqualTo(expected.caseIds());
        assertThat(actual.events()).isEqualTo(expected.events());
    }

    @Test
    void committedParquetIsWhatTheGeneratorMakesWithTheFixedSeed() {
        EventLog committed = Datasets.loadEventLog(EXAMPLE.resolve("data/events.parquet"));
        EventLog regenerated = GenerateExample.exampleLog(GenerateExample.CASES, GenerateExample.SEED);
        assertThat(committed.size()).isEqualTo(6806);
        assertThat(committed.caseCount()).isEqualTo(300);
        assertSameLog(committed, regenerated);
    }

    @Test
    void theCommittedMarkerIsWhatGenerateExampleWritesAndMatchesTheLog(@TempDir Path tmp) throws Exception {
        GenerateExample.main(new String[] {tmp.resolve("events.parquet").toString()});
        assertThat(Files.readString(EXAMPLE.resolve("data/generator.json")))
                .isEqualTo(Files.readString(tmp.resolve("generator.json")));
        GeneratedLog check = GeneratedLog.check(EXAMPLE, Datasets.loadEventLog(EXAMPLE.resolve("data/events.parquet")));
        assertThat(check.generated()).as(check.reason()).isTrue();
        assertThat(check.config()).contains(LeadFollowupConfig.of(GenerateExample.CASES, GenerateExample.SEED));
    }

    @Test
    void theGeneratorsManifestIsTheExamplesManifest() throws Exception {
        try (java.io.InputStream in = LeadFollowupGenerator.class.getResourceAsStream(
                "lead-followup-manifest.yaml")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(EXAMPLE.resolve("manifest.yaml")));
        }
        Manifest m = LeadFollowupGenerator.manifest();
        assertThat(m.name()).isEqualTo("lead-followup");
        assertThat(m.source()).isEqualTo("classpath:org/systemarena/datasets/synthetic/lead-followup-manifest.yaml");
        assertThat(m.outcomes()).isEqualTo(Datasets.loadManifest(EXAMPLE.resolve("manifest.yaml")).outcomes());
    }

    @Test
    void parquetAndJsonlCopyLoadToEqualLogs(@TempDir Path tmp) {
        EventLog parquet = Datasets.loadEventLog(EXAMPLE.resolve("data/events.parquet"));
        Path jsonl = tmp.resolve("events.jsonl");
        GenerateExample.write(parquet, jsonl);
        assertSameLog(Datasets.loadEventLog(jsonl), parquet);
    }

    @Test
    void regeneratingWritesAFileThatLoadsToTheSameLog(@TempDir Path tmp) {
        Path out = tmp.resolve("sub/events.parquet");
        GenerateExample.main(new String[] {out.toString(), "25", "9"});
        assertSameLog(Datasets.loadEventLog(out), GenerateExample.exampleLog(25, 9));
        assertThat(GeneratorMarker.read(tmp.resolve("sub/generator.json")))
                .isEqualTo(GeneratorMarker.of(LeadFollowupConfig.of(25, 9), GenerateExample.exampleLog(25, 9)));
    }

    @Test
    void theWorkflowLoadsWithItsManifest() {
        Workflow w = Datasets.loadWorkflow(EXAMPLE);
        Manifest m = w.manifest();
        assertThat(m.name()).isEqualTo("lead-followup");
        assertThat(m.decisionPoints()).extracting(DecisionPointSpec::name, DecisionPointSpec::trigger,
                DecisionPointSpec::condition).containsExactly(
                        tuple("follow_up_check", "timer.elapsed", "days_since_last_contact > 2"),
                        tuple("inbound_reply", "interaction.occurred:inbound", null));
        assertThat(m.allowedActions()).extracting(Action::type)
                .containsExactly("send_email", "make_call", "wait", "escalate");
        assertThat(m.outcomes().positive()).containsExactly("converted", "meeting_booked");
        assertThat(m.outcomes().negative()).containsExactly("went_cold", "lost");
        assertThat(m.outcomes().horizon()).isEqualTo(Duration.ofDays(30));
        assertThat(m.constraints()).extracting(ConstraintSpec::name, ConstraintSpec::severity).containsExactly(
                tuple("no_spam", Severity.VIOLATION), tuple("escalate_small_budget", Severity.WARNING));
        // Every logged action is a declared one, and the manifest's case mapping reads the generator's log.
        java.util.Set<Object> logged = new java.util.TreeSet<>();
        for (int r = 0; r < w.log().size(); r++) {
            if (w.log().eventType(r).equals("decision.executed")) {
                logged.add(w.log().payload().get(r, "action"));
            }
        }
        assertThat(logged).containsExactlyInAnyOrder("send_email", "make_call", "wait", "escalate");
        assertSameLog(w.log(), GenerateExample.exampleLog(GenerateExample.CASES, GenerateExample.SEED));
    }

    @Test
    void theCommittedFileIsSmall() throws Exception {
        assertThat(Files.size(EXAMPLE.resolve("data/events.parquet"))).isLessThan(1_000_000L);
    }
}
