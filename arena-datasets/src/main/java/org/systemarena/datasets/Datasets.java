package org.systemarena.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.CaseConfig;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.csv.CsvEventReader;
import org.systemarena.datasets.io.json.JsonEventReader;
import org.systemarena.datasets.io.json.JsonlEventReader;
import org.systemarena.datasets.io.json.JsonlEventWriter;
import org.systemarena.datasets.io.parquet.ParquetEventReader;
import org.systemarena.datasets.io.parquet.ParquetEventWriter;
import org.systemarena.datasets.manifest.ManifestLoader;

/**
 * Entry point for reading and writing workflows: manifests, event logs in Parquet, JSON Lines, JSON and CSV.
 * Every input error is an {@link ArenaException} naming the file, row or line, column and value. Formats and
 * error messages are described in docs/data-formats.md.
 */
public final class Datasets {
    private Datasets() {
    }

    /** The log file names {@link #loadWorkflow} looks for under {@code data/}, in this order. */
    public static final List<String> WORKFLOW_LOG_NAMES = List.of("events.parquet", "events.jsonl", "events.json",
            "events.csv");

    /** Loads and checks a manifest (docs/manifest.md); errors name the file, line and column. */
    public static Manifest loadManifest(Path file) {
        return ManifestLoader.load(file);
    }

    /**
     * Loads a workflow directory: {@code dir/manifest.yaml} and exactly one of {@code dir/data/events.parquet},
     * {@code events.jsonl}, {@code events.json}, {@code events.csv}.
     */
    public static Workflow loadWorkflow(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ArenaException("workflow directory not found", Location.of(dir.toString()));
        }
        Manifest manifest = loadManifest(dir.resolve("manifest.yaml"));
        Path data = dir.resolve("data");
        List<Path> found = new ArrayList<>();
        for (String name : WORKFLOW_LOG_NAMES) {
            Path candidate = data.resolve(name);
            if (Files.exists(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() != 1) {
            throw new ArenaException((found.isEmpty() ? "no event log found" : "more than one event log found: "
                    + found.stream().map(p -> p.getFileName().toString()).toList())
                    + " (expected exactly one of data/" + String.join(", data/", WORKFLOW_LOG_NAMES) + ")",
                    Location.of(dir.toString()));
        }
        return new Workflow(dir, manifest, loadEventLog(found.get(0), manifest));
    }

    /**
     * Reads an event log, choosing the format by extension: {@code .parquet}, {@code .jsonl}/{@code .ndjson},
     * {@code .json}, {@code .csv}. Columns map to event fields through the manifest's {@code case} section
     * (defaults when {@code manifest} is null); with a manifest, a logged propensity that is not a probability in
     * (0, 1] is an error naming the file and row.
     */
    public static EventLog loadEventLog(Path file, Manifest manifest) {
        return loadEventLog(file, manifest, 0);
    }

    /**
     * As {@link #loadEventLog(Path, Manifest)}, reading a large JSON Lines file on {@code threads} threads (0: as
     * many as the machine has cores, the default; 1: on the calling thread). The log, and any error, are the same for
     * every number of threads. Other formats are read on the calling thread.
     */
    public static EventLog loadEventLog(Path file, Manifest manifest, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, got " + threads);
        }
        CaseConfig config = manifest == null ? CaseConfig.defaults() : manifest.caseConfig();
        ColumnMapping mapping = ColumnMapping.of(config);
        if (manifest != null) {
            HistoricalActionSpec h = manifest.historicalAction();
            mapping = mapping.withPropensity(h.eventType(), h.propensityField());
        }
        if (!Files.isRegularFile(file)) {
            throw new ArenaException(Files.exists(file) ? "not a regular file" : "file not found",
                    Location.of(file.toString()));
        }
        switch (Format.of(file)) {
            case PARQUET:
                return ParquetEventReader.read(file, mapping);
            case JSONL:
                return JsonlEventReader.read(file, mapping,
                        threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
            case JSON:
                return JsonEventReader.read(file, mapping);
            case CSV:
                return CsvEventReader.read(file, mapping);
            default:
                throw new IllegalStateException();
        }
    }

    /** Reads an event log with the default column names ({@code case_id}, {@code timestamp}, {@code event_type}). */
    public static EventLog loadEventLog(Path file) {
        return loadEventLog(file, null);
    }

    /** Writes the log as Parquet with canonical column names (see {@link ParquetEventWriter}). */
    public static void writeParquet(EventLog log, Path file) {
        ParquetEventWriter.write(log, file);
    }

    /** Writes the log as JSON Lines with canonical field names (see {@link JsonlEventWriter}). */
    public static void writeJsonl(EventLog log, Path file) {
        JsonlEventWriter.write(log, file);
    }

    /** The event-log formats, by file extension. */
    enum Format {
        PARQUET, JSONL, JSON, CSV;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".parquet")) {
                return PARQUET;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JSONL;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            throw new ArenaException("unknown event-log format (expected the extension .parquet, .jsonl, .ndjson, "
                    + ".json or .csv)", Location.of(file.toString()));
        }
    }
}
