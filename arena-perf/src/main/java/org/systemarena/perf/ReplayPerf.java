package org.systemarena.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.ThresholdPolicy;

/**
 * End-to-end replay: a generated lead follow-up log (default 5M events) written to Parquet, then load + replay of a
 * ThresholdPolicy with the example manifest's rules and constraints, on {@code perf.threads} threads (default 2).
 * Also the runner's overhead per decision: replay of a constant policy on one thread, with and without constraints,
 * minus extraction alone, divided by the number of decision points; and the heap a run's trace table retains.
 *
 * <p>Usage: {@code ReplayPerf [events]}; properties perf.runs (default 3), perf.threads (default 2).
 */
public final class ReplayPerf {
    private ReplayPerf() {
    }

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 5_000_000L;
        int runs = Integer.getInteger("perf.runs", 3);
        int threads = Integer.getInteger("perf.threads", 2);
        Path manifestFile = Path.of(System.getProperty("perf.manifest", "examples/lead-followup/manifest.yaml"));
        Manifest manifest = Datasets.loadManifest(manifestFile);
        Manifest noConstraints = new Manifest(manifest.name(), manifest.version(), manifest.description(),
                manifest.caseConfig(), manifest.decisionPoints(), manifest.allowedActions(), manifest.outcomes(),
                List.of(), manifest.historicalAction(), manifest.ranking(), manifest.behaviourModel(),
                manifest.source());
        System.out.println("ReplayPerf on " + Timing.machine());

        Path dir = Files.createTempDirectory("arena-replay-perf");
        Path parquet = dir.resolve("events.parquet");
        try {
            EventLog generated = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(events, 42));
            Datasets.writeParquet(generated, parquet);
            int n = generated.size();
            generated = null;
            ThresholdPolicy policy = ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "send_email");
            BenchmarkConfig parallel = BenchmarkConfig.builder().threads(threads).build();

            Timing.Timed<BenchmarkResult> endToEnd = Timing.bestOf(1, runs, () -> {
                EventLog log = Datasets.loadEventLog(parquet, manifest);
                return BenchmarkRunner.of(manifest, log, parallel).run(policy);
            });
            BenchmarkResult r = endToEnd.result();
            Timing.Table table = new Timing.Table("measure", "events", "decision points", "best s", "events/s",
                    "thread CPU s", "per decision (wall / thread CPU)");
            table.add("load Parquet + replay ThresholdPolicy, all constraints, " + threads + " threads",
                    Timing.fmt("%,d", n), Timing.fmt("%,d", r.decisionPoints()), Timing.fmt("%.2f", endToEnd.seconds()),
                    Timing.fmt("%,.0f", n / endToEnd.seconds()), "", "");

            // The two halves of the end-to-end figure, timed apart.
            Timing.Timed<EventLog> load = Timing.bestOf(1, runs, () -> Datasets.loadEventLog(parquet, manifest));
            table.add("  of which: load Parquet, 1 thread", Timing.fmt("%,d", n), "",
                    Timing.fmt("%.2f", load.seconds()), Timing.fmt("%,.0f", n / load.seconds()),
                    Timing.fmt("%.2f", load.cpuSeconds()), "");
            EventLog log = load.result();
            Timing.Timed<BenchmarkResult> replayOnly = Timing.bestOf(1, runs,
                    () -> BenchmarkRunner.of(manifest, log, parallel).run(policy));
            table.add("  of which: replay ThresholdPolicy, all constraints, " + threads + " threads",
                    Timing.fmt("%,d", n), Timing.fmt("%,d", replayOnly.result().decisionPoints()),
                    Timing.fmt("%.2f", replayOnly.seconds()), Timing.fmt("%,.0f", n / replayOnly.seconds()), "", "");
            // extraction streamed case by case, as the runner does (extractAll would also measure retention)
            Timing.Timed<Long> extraction = Timing.bestOf(1, runs, () -> {
                long[] count = new long[1];
                DecisionPointExtractor.of(manifest, log).forEachCase(c -> count[0] += c.points().size());
                return count[0];
            });
            long points = extraction.result();
            table.add("extraction only, 1 thread", Timing.fmt("%,d", n), Timing.fmt("%,d", points),
                    Timing.fmt("%.2f", extraction.seconds()), Timing.fmt("%,.0f", n / extraction.seconds()),
                    Timing.fmt("%.2f", extraction.cpuSeconds()), "");
            ConstantPolicy constant = ConstantPolicy.of("wait");
            BenchmarkConfig single = BenchmarkConfig.builder().threads(1).build();
            Timing.Timed<BenchmarkResult> bare = Timing.bestOf(1, runs,
                    () -> BenchmarkRunner.of(noConstraints, log, single).run(constant));
            Timing.Timed<BenchmarkResult> constrained = Timing.bestOf(1, runs,
                    () -> BenchmarkRunner.of(manifest, log, single).run(constant));
            table.add("replay constant policy, no constraints, 1 thread", Timing.fmt("%,d", n),
                    Timing.fmt("%,d", points), Timing.fmt("%.2f", bare.seconds()),
                    Timing.fmt("%,.0f", n / bare.seconds()), Timing.fmt("%.2f", bare.cpuSeconds()),
                    overhead(bare, extraction, points));
            table.add("replay constant policy, 2 constraints, 1 thread", Timing.fmt("%,d", n),
                    Timing.fmt("%,d", points), Timing.fmt("%.2f", constrained.seconds()),
                    Timing.fmt("%,.0f", n / constrained.seconds()), Timing.fmt("%.2f", constrained.cpuSeconds()),
                    overhead(constrained, extraction, points));
            // What a run keeps: the trace table (shared decision-point columns, the behaviour-model features and the
            // policy's columns); the log it refers to was there before.
            Timing.Retained<BenchmarkResult> kept = Timing.retained(
                    () -> BenchmarkRunner.of(manifest, log, parallel).run(policy));
            table.add("heap retained by the trace table, ThresholdPolicy, " + kept.value().table().behaviourFeatures()
                            .size() + " behaviour features", Timing.fmt("%,d", n), Timing.fmt("%,d", points),
                    Timing.fmt("%.1f MB", kept.bytes() / 1e6), "", "",
                    Timing.fmt("%.0f B per decision point", kept.bytes() / (double) points));
            System.out.println();
            System.out.print(table.render());
            System.out.println("load average " + Timing.loadAverage());
        } finally {
            Files.deleteIfExists(parquet);
            Files.deleteIfExists(dir);
        }
    }

    /** Replay time beyond extraction per decision point, by wall clock and by the replaying thread's CPU time. */
    private static String overhead(Timing.Timed<?> replay, Timing.Timed<?> extraction, long points) {
        return Timing.fmt("%.2f / %.2f us overhead", (replay.seconds() - extraction.seconds()) * 1e6 / points,
                (replay.cpuSeconds() - extraction.cpuSeconds()) * 1e6 / points);
    }
}
