package org.systemarena.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.Datasets;

/** The generator marker's file, the log fingerprint, and the check that a loaded log is the generator's. */
class GeneratorMarkerTest {
    private static final LeadFollowupConfig CONFIG = LeadFollowupConfig.of(40, 5);

    private static Path workflow(Path dir, EventLog log, LeadFollowupConfig markerConfig, EventLog markerLog) {
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Datasets.writeParquet(log, data.resolve("events.parquet"));
        if (markerConfig != null) {
            GeneratorMarker.writeBeside(data, markerConfig, markerLog);
        }
        return dir;
    }

    private static EventLog load(Path dir) {
        return Datasets.loadEventLog(dir.resolve("data/events.parquet"));
    }

    @Test
    void aMarkerReadsBackAsWritten(@TempDir Path tmp) {
        LeadFollowupConfig config = new LeadFollowupConfig(12, -3, Instant.parse("2024-02-29T10:15:30Z"),
                Duration.ofMinutes(90), 3, 4, 500);
        EventLog log = LeadFollowupGenerator.generate(config);
        Path file = GeneratorMarker.writeBeside(tmp, config, log);
        assertThat(file).isEqualTo(tmp.resolve("generator.json"));
        GeneratorMarker read = GeneratorMarker.read(file);
        assertThat(read).isEqualTo(GeneratorMarker.of(config, log));
        assertThat(read.generator()).isEqualTo("org.systemarena.datasets.synthetic.LeadFollowupGenerator");
        assertThat(read.generatorVersion()).isEqualTo(LeadFollowupGenerator.VERSION);
        assertThat(read.log().events()).isEqualTo(log.size());
        assertThat(read.log().sha256()).hasSize(64).matches("[0-9a-f]+");

        GeneratorMarker unlimited = GeneratorMarker.of(LeadFollowupConfig.defaults(), log);
        unlimited.write(file);
        assertThat(GeneratorMarker.read(file).config().maxEvents()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBrokenMarkerIsReportedWithItsFileAndField(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("generator.json");
        Files.writeString(file, "{\"generator\": \"x\",\n \"generator_version\": }");
        assertThatThrownBy(() -> GeneratorMarker.read(file)).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("not JSON");
        GeneratorMarker.of(CONFIG, LeadFollowupGenerator.generate(CONFIG)).write(file);
        Files.writeString(file, Files.readString(file).replace("\"seed\" : 5", "\"seed\" : \"five\""));
        assertThatThrownBy(() -> GeneratorMarker.read(file)).isInstanceOf(ArenaException.class)
                .hasMessage(file + ", column 'config.seed', value '\"five\"': 'config.seed' must be a whole number");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> GeneratorMarker.read(file)).hasMessage(file + ": a generator marker must be a JSON"
                + " object");
    }

    @Test
    void theFingerprintIsTheSameFromParquetAndJsonlAndChangesWithAnyValue(@TempDir Path tmp) {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        Datasets.writeParquet(log, tmp.resolve("a.parquet"));
        Datasets.writeJsonl(log, tmp.resolve("a.jsonl"));
        LogFingerprint f = LogFingerprint.of(log);
        assertThat(LogFingerprint.of(Datasets.loadEventLog(tmp.resolve("a.parquet")))).isEqualTo(f);
        assertThat(LogFingerprint.of(Datasets.loadEventLog(tmp.resolve("a.jsonl")))).isEqualTo(f);
        assertThat(f.events()).isEqualTo(log.size());
        assertThat(f.cases()).isEqualTo(40);

        // One budget, as a long one higher, then the same number as a double: both are other logs.
        int created = log.caseStart(7);
        long budget = (Long) log.payload().get(created, "budget");
        assertThat(LogFingerprint.of(withPayload(log, created, "budget", budget + 1)).sha256())
                .isNotEqualTo(f.sha256());
        assertThat(LogFingerprint.of(withPayload(log, created, "budget", (double) budget)).sha256())
                .isNotEqualTo(f.sha256());
        assertThat(LogFingerprint.of(withPayload(log, created, "budget", budget))).isEqualTo(f);
    }

    /** The log with one payload value of one row replaced. */
    private static EventLog withPayload(EventLog log, int row, String key, Object value) {
        List<Event> events = new java.util.ArrayList<>(log.events());
        Event e = events.get(row);
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>(e.payload());
        payload.put(key, value);
        events.set(row, e.withPayload(payload));
        return EventLog.of(events);
    }

    @Test
    void theGeneratorsOwnLogIsRecognised(@TempDir Path tmp) {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        Path dir = workflow(tmp, log, CONFIG, log);
        GeneratedLog check = GeneratedLog.check(dir, load(dir));
        assertThat(check.generated()).as(check.reason()).isTrue();
        assertThat(check.config()).contains(CONFIG);
        assertThat(check.reason()).contains("generator.json: the log is LeadFollowupGenerator's (version 2, 40 leads,"
                + " seed 5): " + String.format(java.util.Locale.ROOT, "%,d", log.size()) + " events, sha256 ");
    }

    @Test
    void aLogWithoutMarkerIsNotTheGenerators(@TempDir Path tmp) {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        Path dir = workflow(tmp, log, null, null);
        GeneratedLog check = GeneratedLog.check(dir, load(dir));
        assertThat(check.generated()).isFalse();
        assertThat(check.reason()).isEqualTo("no " + dir.resolve("data/generator.json")
                + ": the log is not marked as the synthetic generator's");
    }

    @Test
    void aModifiedLogIsNotTheGenerators(@TempDir Path tmp) {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        // An event fewer.
        EventLog shorter = log.filter(r -> r != log.size() - 1);
        Path a = workflow(tmp.resolve("a"), shorter, CONFIG, log);
        GeneratedLog check = GeneratedLog.check(a, load(a));
        assertThat(check.generated()).isFalse();
        assertThat(check.reason()).endsWith(String.format(java.util.Locale.ROOT, "generator.json: the loaded log has"
                + " %,d events in 40 cases, the marker says %,d in 40", log.size() - 1, log.size()));
        // As many events, one value changed.
        EventLog edited = withPayload(log, log.caseStart(3), "region", "mars");
        Path b = workflow(tmp.resolve("b"), edited, CONFIG, log);
        check = GeneratedLog.check(b, load(b));
        assertThat(check.generated()).isFalse();
        assertThat(check.reason()).contains("the loaded log has the marker's").contains("but other values");
    }

    @Test
    void aMarkerTheGeneratorDoesNotBackIsRefused(@TempDir Path tmp) throws Exception {
        EventLog log = LeadFollowupGenerator.generate(CONFIG);
        // The marker matches the log, but the generator makes another log for the config it names.
        Path dir = workflow(tmp.resolve("a"), log, CONFIG.withSeed(6), log);
        GeneratedLog check = GeneratedLog.check(dir, load(dir));
        assertThat(check.generated()).isFalse();
        assertThat(check.reason()).contains("the generator's output for this config has");
        // A marker of an older generator version.
        Path file = dir.resolve("data/generator.json");
        GeneratorMarker.of(CONFIG, log).write(file);
        Files.writeString(file, Files.readString(file).replace("\"generator_version\" : 2",
                "\"generator_version\" : 1"));
        check = GeneratedLog.check(dir, load(dir));
        assertThat(check.reason()).endsWith("generator.json: written by version 1 of the generator, which made other"
                + " data than this version 2 does");
        Files.writeString(file, "{");
        assertThat(GeneratedLog.check(dir, load(dir)).reason()).contains("not JSON");
    }
}
