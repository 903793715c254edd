package org.systemarena.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.EventLog;

class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void parquetRoundTripKeepsEveryEvent() {
        EventLog log = SampleLogs.rich(true);
        Path file = dir.resolve("events.parquet");
        Datasets.writeParquet(log, file);
        EventLog back = Datasets.loadEventLog(file);
        assertThat(back.events()).isEqualTo(log.events());
        assertThat(back.size()).isEqualTo(4);
    }

    @Test
    void jsonlRoundTripKeepsEveryEvent() {
        EventLog log = SampleLogs.rich(false);
        Path file = dir.resolve("events.jsonl");
        Datasets.writeJsonl(log, file);
        EventLog back = Datasets.loadEventLog(file);
        assertThat(back.events()).isEqualTo(log.events());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomLogsRoundTripThroughParquet(long seed) {
        EventLog log = RandomLogs.generate(seed, 400, true);
        Path file = dir.resolve("random-" + seed + ".parquet");
        Datasets.writeParquet(log, file);
        assertThat(Datasets.loadEventLog(file).events()).isEqualTo(log.events());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomLogsRoundTripThroughJsonl(long seed) {
        EventLog log = RandomLogs.generate(seed, 400, false);
        Path file = dir.resolve("random-" + seed + ".jsonl");
        Datasets.writeJsonl(log, file);
        assertThat(Datasets.loadEventLog(file).events()).isEqualTo(log.events());
    }

    @Test
    void mixedTypesNullsAndCanonicalNamesGoToThePayloadJsonColumn() throws Exception {
        EventLog log = RandomLogs.generate(9, 200, false);
        Path file = dir.resolve("mixed.parquet");
        Datasets.writeParquet(log, file);
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            var fields = reader.getFooter().getFileMetaData().getSchema().getFields().stream()
                    .map(f -> f.getName() + ":" + (f.isPrimitive() ? f.asPrimitiveType().getPrimitiveTypeName() : "group"))
                    .toList();
            assertThat(fields).contains("n:INT64", "x:DOUBLE", "s:BINARY", "b:BOOLEAN", "payload:BINARY",
                    "object_refs:group", "state_before:BINARY");
            assertThat(fields).noneMatch(f -> f.startsWith("mixed:") || f.startsWith("maybe:"));
        }
    }

    @Test
    void instantsInAMixedKeyComeBackAsStrings() {
        EventLog log = EventLog.of(java.util.List.of(
                SampleLogs.event(null, "c", "2024-01-01T00:00:00Z", 0, "a",
                        SampleLogs.map("k", java.time.Instant.parse("2024-02-01T10:00:00Z"))),
                SampleLogs.event(null, "c", "2024-01-01T00:00:01Z", 1, "a", SampleLogs.map("k", 3L))));
        Path file = dir.resolve("instant.parquet");
        Datasets.writeParquet(log, file);
        EventLog back = Datasets.loadEventLog(file);
        assertThat(back.payload().map(0)).isEqualTo(java.util.Map.of("k", "2024-02-01T10:00:00Z"));
        assertThat(back.payload().map(1)).isEqualTo(java.util.Map.of("k", 3L));
    }

    @Test
    void emptyLogWritesAndReadsBack() {
        Path parquet = dir.resolve("empty.parquet");
        Datasets.writeParquet(EventLog.empty(), parquet);
        assertThat(Datasets.loadEventLog(parquet).size()).isZero();
    }
}
