package org.systemarena.perf;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.integrations.dfg.DirectlyFollowsGraph;
import org.systemarena.integrations.dfg.PerformanceDfg;
import org.systemarena.integrations.discovery.InductiveMiner;
import org.systemarena.integrations.discovery.ProcessTree;
import org.systemarena.integrations.performance.PerformanceAnalyzer;
import org.systemarena.integrations.variants.VariantLog;

/**
 * Times process mining on synthetic lead follow-up logs (one thread): frequency DFG, performance DFG, variants,
 * Inductive Miner (IM) and IMf (noise 0.2) from the event log (variant extraction included), and the full
 * performance analysis. Each task runs {@code perf.warmups} times untimed, then {@code perf.runs} times; the best
 * wall and CPU times are reported.
 *
 * <p>Usage: {@code MiningPerf [events...]} (default 1000000); properties {@code perf.warmups} (default 2),
 * {@code perf.runs} (default 5), {@code perf.seed} (default 42).
 */
public final class MiningPerf {
    private MiningPerf() {
    }

    public static void main(String[] args) {
        List<Long> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Long.parseLong(a.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000L);
        }
        int warmups = Integer.getInteger("perf.warmups", 2);
        int runs = Integer.getInteger("perf.runs", 5);
        long seed = Long.getLong("perf.seed", 42L);
        System.out.println("MiningPerf on " + Timing.machine());
        System.out.println(Timing.fmt("warm-up %d, best of %d runs, seed %d; load average at start %s", warmups, runs,
                seed, Timing.loadAverage()));
        Timing.Table table = new Timing.Table("task", "events", "cases", "result", "best wall s", "best CPU s",
                "events/s (CPU)");
        for (long size : sizes) {
            EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(size, seed));
            System.out.println(Timing.fmt("log: %d events, %d cases, %d activities", log.size(), log.caseCount(),
                    log.activities().size()));
            row(table, log, "DFG (frequency)", warmups, runs, () -> DirectlyFollowsGraph.of(log),
                    d -> d.edges().size() + " edges");
            row(table, log, "DFG (performance)", warmups, runs, () -> PerformanceDfg.of(log),
                    d -> d.edges().size() + " edges");
            row(table, log, "variants", warmups, runs, () -> VariantLog.of(log), v -> v.size() + " variants");
            row(table, log, "Inductive Miner (IM)", warmups, runs, () -> InductiveMiner.im().discover(log),
                    t -> t.labels().size() + " labels, " + size(t) + " nodes");
            row(table, log, "IMf (noise 0.2)", warmups, runs, () -> InductiveMiner.imf(0.2).discover(log),
                    t -> t.labels().size() + " labels, " + size(t) + " nodes");
            row(table, log, "PerformanceAnalyzer", warmups, runs, () -> new PerformanceAnalyzer().analyze(log),
                    r -> r.bottlenecks().size() + " bottlenecks");
        }
        System.out.println();
        System.out.println("load average at end " + Timing.loadAverage());
        System.out.print(table.render());
    }

    private static <T> void row(Timing.Table table, EventLog log, String task, int warmups, int runs,
                                java.util.function.Supplier<T> run, java.util.function.Function<T, String> describe) {
        Timing.Timed<T> t = Timing.bestOf(warmups, runs, run);
        String line = Timing.fmt("%.3f", t.seconds());
        table.add(task, String.valueOf(log.size()), String.valueOf(log.caseCount()), describe.apply(t.result()), line,
                Timing.fmt("%.3f", t.cpuSeconds()), Timing.fmt("%.0f", log.size() / t.cpuSeconds()));
        System.out.println(task + ": " + describe.apply(t.result()) + ", best wall " + line + " s, best CPU "
                + Timing.fmt("%.3f", t.cpuSeconds()) + " s");
    }

    private static int size(ProcessTree tree) {
        if (tree instanceof ProcessTree.Operation op) {
            return 1 + op.children().stream().mapToInt(MiningPerf::size).sum();
        }
        return 1;
    }
}
