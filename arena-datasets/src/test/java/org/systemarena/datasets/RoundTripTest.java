package org.systemarena.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
