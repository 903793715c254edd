package org.systemarena.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.ParquetTraceWriter;
import org.systemarena.replay.TraceReader;
import org.systemarena.replay.TraceWriter;

/**
 * Writing one policy's decision traces, as {@code arena run --traces jsonl|parquet} does: a generated lead log
 * (default 2.3M events, about 100,000 leads) replayed with a deterministic ThresholdPolicy and a RandomPolicy (whose
 * probabilities fill a JSON column), then each policy's traces written as JSON Lines and as Parquet, and the Parquet
 * file read back as JSON Lines ({@code arena traces}).
 *
 * <p>Usage: {@code TraceWritePerf [events]}; property perf.runs (default 3).
 */
public final class TraceWritePerf {
    private TraceWritePerf() {
    }

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_300_000L;
        int runs = Integer.getInteger("perf.runs", 3);
        Manifest manifest = Datasets.loadManifest(Path.of(System.getProperty("perf.manifest",
                "examples/lead-followup/manifest.yaml")));
        System.out.println("TraceWritePerf on " + Timing.machine());
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(events, 42));
        List<BenchmarkResult> results = BenchmarkRunner.of(manifest, log, BenchmarkConfig.builder().threads(2).build())
                .run(ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait"), RandomPolicy.withSeed(1));
        Path dir = Files.createTempDirectory("arena-trace-perf");
        try {
            Timing.Table table = new Timing.Table("policy", "decision points", "format", "best s", "rows/s",
                    "thread CPU s", "MB");
            for (BenchmarkResult r : results) {
                int rows = r.decisionPoints();
                Path jsonl = dir.resolve("traces.jsonl");
                Timing.Timed<Path> j = Timing.bestOf(1, runs, () -> {
                    TraceWriter.writeJsonl(r, jsonl, false);
                    return jsonl;
                });
                row(table, r, "JSON Lines", j, rows, Files.size(jsonl));
                Path parquet = dir.resolve("traces.parquet");
                Timing.Timed<Path> p = Timing.bestOf(1, runs, () -> {
                    ParquetTraceWriter.write(r, parquet, false);
                    return parquet;
                });
                row(table, r, "Parquet", p, rows, Files.size(parquet));
                Timing.Timed<Long> back = Timing.bestOf(1, runs, () -> TraceReader.writeJsonl(parquet,
                        TraceReader.Query.all(), OutputStream.nullOutputStream()));
                row(table, r, "Parquet read back as JSON Lines", back, rows, Files.size(parquet));
            }
            System.out.print(table.render());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void row(Timing.Table table, BenchmarkResult r, String format, Timing.Timed<?> t, int rows,
                            long bytes) {
        table.add(r.policyName(), Timing.fmt("%,d", rows), format, Timing.fmt("%.2f", t.seconds()),
                Timing.fmt("%,.0f", rows / t.seconds()), Timing.fmt("%.2f", t.cpuSeconds()),
                Timing.fmt("%.1f", bytes / 1e6));
    }
}
