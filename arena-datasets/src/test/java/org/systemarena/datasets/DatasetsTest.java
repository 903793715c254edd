package org.systemarena.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;

class DatasetsTest {
    @TempDir
    Path dir;

    private Path workflow(String... logs) throws IOException {
        Path wf = Files.createDirectories(dir.resolve("wf"));
        Files.writeString(wf.resolve("manifest.yaml"), "name: wf\ncase: {id_field: lead}\n");
        Files.createDirectories(wf.resolve("data"));
        for (String log : logs) {
            Files.writeString(wf.resolve("data").resolve(log),
                    "{\"lead\":\"L1\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"event_type\":\"a\"}\n");
        }
        return wf;
    }

    @Test
    void loadsAWorkflowWithItsManifestMapping() throws IOException {
        Path wf = workflow("events.jsonl");
        Workflow w = Datasets.loadWorkflow(wf);
        assertThat(w.dir()).isEqualTo(wf);
        assertThat(w.manifest().name()).isEqualTo("wf");
        assertThat(w.log().caseIds()).containsExactly("L1");
    }

    @Test
    void workflowNeedsExactlyOneLog() throws IOException {
        Path none = workflow();
        assertThatThrownBy(() -> Datasets.loadWorkflow(none)).isInstanceOf(ArenaException.class)
                .hasMessage(none + ": no event log found (expected exactly one of data/events.parquet, "
                        + "data/events.jsonl, data/events.json, data/events.csv)");
        Files.writeString(none.resolve("data/events.csv"), "lead,timestamp,event_type\n");
        Files.writeString(none.resolve("data/events.jsonl"), "");
        assertThatThrownBy(() -> Datasets.loadWorkflow(none)).isInstanceOf(ArenaException.class)
                .hasMessage(none + ": more than one event log found: [events.jsonl, events.csv] (expected exactly "
                        + "one of data/events.parquet, data/events.jsonl, data/events.json, data/events.csv)");
    }

    @Test
    void unknownExtensionAndMissingFileAreNamed() throws IOException {
        Path xml = Files.writeString(dir.resolve("events.xml"), "<events/>");
        assertThatThrownBy(() -> Datasets.loadEventLog(xml)).isInstanceOf(ArenaException.class)
                .hasMessage(xml + ": unknown event-log format (expected the extension .parquet, .jsonl, .ndjson, "
                        + ".json or .csv)");
        Path missing = dir.resolve("nope.parquet");
        assertThatThrownBy(() -> Datasets.loadEventLog(missing)).hasMessage(missing + ": file not found");
    }

    @Test
    void theExampleWorkflowLoads() {
        Path example = Path.of("../examples/lead-followup");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(example.resolve("data/events.parquet")));
        Workflow w = Datasets.loadWorkflow(example);
        EventLog log = w.log();
        assertThat(log.size()).isPositive();
        assertThat(log.caseCount()).isEqualTo(300);
    }
}
