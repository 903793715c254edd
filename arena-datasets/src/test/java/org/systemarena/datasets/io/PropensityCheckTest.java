package org.systemarena.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.systemarena.datasets.io.IoTestFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.manifest.ManifestLoader;

/**
 * With a manifest, every reader checks the logged propensities of its historical_action events as it reads them, so
 * that a bad one is named by file and row (the extractor can only name the event) (#17 item 5).
 */
class PropensityCheckTest {
    private static final Manifest MANIFEST = ManifestLoader.parse("name: t\nhistorical_action:\n"
            + "  event_type: decision.executed\n  propensity_field: p\n", "m.yaml");
    private static final String WHY = "logged propensity must be a probability in (0, 1] (the logged action was taken,"
            + " so its probability was above 0)";

    @TempDir
    Path dir;

    private static String jsonl(String p) {
        return "{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:00Z\",\"event_type\":\"timer.elapsed\",\"p\":7}\n"
                + "\n{\"case_id\":\"c1\",\"timestamp\":\"2024-03-01T09:00:01Z\",\"event_type\":\"decision.executed\","
                + "\"action\":\"call\",\"p\":" + p + "}\n";
    }

    @Test
    void eachFormatNamesTheFileAndRowOfAPropensityOutsideZeroToOne() {
        Path lines = write(dir, "e.jsonl", jsonl("1.7"));
        assertThatThrownBy(() -> Datasets.loadEventLog(lines, MANIFEST)).isInstanceOf(ArenaException.class)
                .hasMessage(lines + ", row 3, column 'p', value '1.7': " + WHY);
        Path array = write(dir, "e.json", "[" + jsonl("\"high\"").strip().replace("}\n\n{", "},\n{") + "]");
        assertThatThrownBy(() -> Datasets.loadEventLog(array, MANIFEST))
                .hasMessage(array + ":2:1, column 'p', value 'high': event 2: " + WHY);
        Path csv = write(dir, "e.csv", "case_id,timestamp,event_type,p\nc1,2024-03-01,timer.elapsed,7\n"
                + "c1,2024-03-02,decision.executed,0\n");
        assertThatThrownBy(() -> Datasets.loadEventLog(csv, MANIFEST))
                .hasMessage(csv + ", row 2, column 'p', value '0': " + WHY + " (line 3)");
        Path parquet = dir.resolve("e.parquet");
        Datasets.writeParquet(Datasets.loadEventLog(write(dir, "p.jsonl", jsonl("-0.5"))), parquet);
        assertThatThrownBy(() -> Datasets.loadEventLog(parquet, MANIFEST))
                .hasMessage(parquet + ", row 2, column 'p', value '-0.5': " + WHY);
    }

    @Test
    void probabilitiesNumericStringsNullsAndOtherEventsPass() {
        // The timer's p of 7 is not a propensity: only historical_action events are checked.
        for (String p : new String[] {"1", "0.25", "\"0.5\"", "null"}) {
            EventLog log = Datasets.loadEventLog(write(dir, "ok.jsonl", jsonl(p)), MANIFEST);
            assertThat(log.size()).isEqualTo(2);
        }
        // Without a manifest nothing names the propensity column.
        assertThat(Datasets.loadEventLog(write(dir, "none.jsonl", jsonl("1.7"))).size()).isEqualTo(2);
    }
}
