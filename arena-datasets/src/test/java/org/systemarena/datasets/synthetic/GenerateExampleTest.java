package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;

/** The committed example data is exactly what the generator makes, and reads the same from Parquet and JSONL. */
class GenerateExampleTest {
    private static final Path EXAMPLE = exampleDir();

    private static Path exampleDir() {
        // Surefire runs in the module directory; the examples live at the repository root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/lead-followup");
            if (Files.isRegularFile(candidate.resolve("manifest.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/lead-followup not found above " + Path.of("").toAbsolutePath());
    }

    private static void assertSameLog(EventLog actual, EventLog expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.caseIds()).isEqualTo(expected.caseIds());
        assertThat(actual.events()).isEqualTo(expected.events());
    }

    @Test
    void committedParquetIsWhatTheGeneratorMakesWithTheFixedSeed() {
        EventLog committed = Datasets.loadEventLog(EXAMPLE.resolve("data/events.parquet"));
        EventLog regenerated = GenerateExample.exampleLog(GenerateExample.CASES, GenerateExample.SEED);
        assertThat(committed.size()).isEqualTo(7034);
        assertThat(committed.caseCount()).isEqualTo(300);
        assertSameLog(committed, regenerated);
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
    }

    @Test
    void theCommittedFileIsSmall() throws Exception {
        assertThat(Files.size(EXAMPLE.resolve("data/events.parquet"))).isLessThan(1_000_000L);
    }
}
