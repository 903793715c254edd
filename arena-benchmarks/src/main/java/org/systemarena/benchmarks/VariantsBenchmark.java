package org.systemarena.benchmarks;

import org.systemarena.core.EventLog;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.integrations.variants.VariantLog;

/**
 * Times variant extraction ({@link VariantLog#of}) on two log shapes of the same size: the lead generator's (few
 * events per case, case ids in time order) and a support-ticket log ({@link TicketLogs}: 134k cases per 1M events,
 * 20 variants, case ids out of time order). Each is timed {@code bench.warmups} times untimed, then
 * {@code bench.runs} times; best wall and CPU times.
 *
 * <p>Usage: {@code VariantsBenchmark [events]} (default 1000000); properties {@code bench.warmups} (default 3),
 * {@code bench.runs} (default 10), {@code bench.seed} (default 42).
 */
public final class VariantsBenchmark {
    private VariantsBenchmark() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        int warmups = Integer.getInteger("bench.warmups", 3);
        int runs = Integer.getInteger("bench.runs", 10);
        long seed = Long.getLong("bench.seed", 42L);
        System.out.println("VariantsBenchmark on " + Bench.machine());
        System.out.println(Bench.fmt("warm-up %d, best of %d runs, seed %d; load average at start %s", warmups, runs,
                seed, Bench.loadAverage()));
        Bench.Table table = new Bench.Table("log", "events", "cases", "variants", "best wall s", "best CPU s",
                "cases/s (CPU)");
        row(table, "lead follow-up", LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(events, seed)),
                warmups, runs);
        row(table, "support tickets", TicketLogs.generate(events, seed), warmups, runs);
        System.out.println();
        System.out.println("load average at end " + Bench.loadAverage());
        System.out.print(table.render());
    }

    private static void row(Bench.Table table, String name, EventLog log, int warmups, int runs) {
        Bench.Timed<VariantLog> t = Bench.bestOf(warmups, runs, () -> VariantLog.of(log));
        table.add(name, String.valueOf(log.size()), String.valueOf(log.caseCount()),
                String.valueOf(t.result().size()), Bench.fmt("%.4f", t.seconds()), Bench.fmt("%.4f", t.cpuSeconds()),
                Bench.fmt("%.0f", log.caseCount() / t.cpuSeconds()));
    }
}
