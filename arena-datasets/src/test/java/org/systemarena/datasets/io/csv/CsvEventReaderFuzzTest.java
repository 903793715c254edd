package org.systemarena.datasets.io.csv;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.datasets.FuzzLoop.Budget;
import org.systemarena.datasets.FuzzSamples;
import org.systemarena.datasets.io.LogFuzz;

/**
 * Random mutations of valid CSV logs (#17 item 7): each loads or ends in one ArenaException that starts with the
 * file's path, never another exception or a hang. Seeded, and bounded in time.
 */
class CsvEventReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedCsvLoadsOrFailsAtItsPlace() {
        LogFuzz.run("CSV", new Budget(2026_12_05L, 2_000, 30_000, 6_000), dir.resolve("events.csv"), FuzzSamples.csv(),
                List.of("\"", "\"\"", ",", ",,", "\r", "\n\n", "{\"", "\"[\"", "case_id", "timestamp", "event_type",
                        "object_refs", "actor", "payload", "state_after", "\"{}\"", "\"[]\"", "\"{\"\"a\"\":"),
                List.of("\"", ",", "[", "{\"\"a\"\":"));
    }
}
