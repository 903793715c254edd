package org.systemarena.eval;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.eval.report.JsonReport;
import org.systemarena.eval.report.ReportDocument;
import org.systemarena.eval.report.HtmlReport;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;

/**
 * Plain timing harness (not a test) for a full evaluation: every metric of a candidate (Threshold) and a baseline
 * (Historical) with 1,000 bootstrap resamples, their paired comparison and the JSON and HTML reports, over a
 * synthetic lead follow-up log. The replay is timed apart; only the evaluation counts against the target.
 * Arguments: [cases=500000] [resamples=1000] [threads=2] [repetitions=3] [maxChecks=3].
 * EstimatorBenchmarkMain times the estimator alone. See docs/report-schema.md for the command.
 */
public final class EvaluationBenchmarkMain {
    private EvaluationBenchmarkMain() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int maxChecks = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        Manifest manifest = ExampleWorkflow.load().manifest();
        long t0 = System.nanoTime();
        EventLog log = LeadFollowupGenerator.generate(new LeadFollowupConfig(cases, 42L,
                LeadFollowupConfig.DEFAULT_START, Duration.ofMinutes(1), 50, maxChecks, Long.MAX_VALUE));
        long t1 = System.nanoTime();
        List<BenchmarkResult> results = BenchmarkRunner.of(manifest, log, BenchmarkConfig.builder().threads(threads)
                .build()).run(ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait"),
                HistoricalPolicy.withFallback("wait"));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "log: %,d cases, %,d events (generated in %.1f s); %,d cases with %,d decision"
                + " points replayed for 2 policies in %.1f s; %d threads, %d cores%n", log.caseCount(), log.size(),
                (t1 - t0) / 1e9, results.get(0).cases().size(), results.get(0).decisionPoints(), (t2 - t1) / 1e9,
                threads, Runtime.getRuntime().availableProcessors());

        EvaluationConfig config = EvaluationConfig.builder().resamples(resamples).threads(threads).build();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double bestReport = Double.MAX_VALUE;
        Evaluation last = null;
        int jsonLength = 0;
        for (int r = 0; r < repetitions; r++) {
            long cpu0 = os.getProcessCpuTime();
            long s0 = System.nanoTime();
            last = Evaluation.of(results, config);
            long s1 = System.nanoTime();
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            String json = JsonReport.write(last);
            String html = HtmlReport.render(ReportDocument.of(last));
            long s2 = System.nanoTime();
            jsonLength = json.length() + html.length();
            best = Math.min(best, (s1 - s0) / 1e9);
            bestCpu = Math.min(bestCpu, cpu);
            bestReport = Math.min(bestReport, (s2 - s1) / 1e9);
            System.out.printf(Locale.ROOT, "  run %d: evaluation %.3f s wall, %.3f s CPU (all threads); reports %.3f s%n",
                    r + 1, (s1 - s0) / 1e9, cpu, (s2 - s1) / 1e9);
        }
        var h = last.policy("historical").orElseThrow().conversion().estimate();
        var t = last.policies().get(0).conversion().estimate();
        System.out.printf(Locale.ROOT, "best: evaluation %.3f s wall, %.3f s CPU; reports %.3f s (%,d chars)%n"
                + "  observed %.5f; historical IPS %.5f; threshold SNIPS %.5f [%.5f, %.5f], ESS %.1f%n", best, bestCpu,
                bestReport, jsonLength, last.observed().rate(), h.ips().value(), t.snips().value(), t.snips().lower(),
                t.snips().upper(), t.effectiveSampleSize());
    }
}
