package org.systemarena.datasets.io.json;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.datasets.FuzzLoop.Budget;
import org.systemarena.datasets.FuzzSamples;
import org.systemarena.datasets.io.LogFuzz;

/**
 * Random mutations of valid JSON documents (#17 item 7), including deep nesting: each loads or ends in one
 * ArenaException that starts with the file's path, never another exception or a hang. Seeded, and bounded in time.
 */
class JsonEventReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedJsonDocumentsLoadOrFailAtTheirPlace() {
        LogFuzz.run("JSON", new Budget(2026_12_07L, 2_000, 30_000, 6_000), dir.resolve("events.json"),
                FuzzSamples.json(dir), JsonFuzzTokens.TOKENS, JsonFuzzTokens.RUNS);
    }
}
