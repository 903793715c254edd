package org.systemarena.perf;

import org.systemarena.core.EventLog;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.integrations.variants.VariantLog;

/**
 * Times variant extraction ({@link VariantLog#of}) on two log shapes of the same size: the lead generator's (few
 * events per case, case ids in time order) and a support-ticket log ({@link TicketLogs}: 134k cases per 1M events,
 * 20 variants, case ids out of time order). Each is timed {@code perf.warmups} times untimed, then
 * {@code perf.runs} times; best wall and CPU times.
 *
 * <p>Usage: {@code VariantsPerf [events]} (default 1000000); properties {@code perf.warmups} (default 3),
 * {@code perf.runs} (default 10), {@code perf.seed} (default 42).
 */
public final class VariantsPerf {
    private VariantsPerf() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        int warmups = Integer.getInteger("perf.warmups", 3);
        int runs = Integer.getInteger("perf.runs", 10);
        long seed = Long.getLong("perf.seed", 42L);
        System.out.println("VariantsPerf on " + Timing.machine());
        System.out.println(Timing.fmt("warm-up %d, best of %d runs, seed %d; load average at start %s", warmups, runs,
                seed, Timing.loadAverage()));
        Timing.Table table = new Timing.Table("log", "events", "cases", "variants", "best wall s", "best CPU s",
                "cases/s (CPU)");
        row(table, "lead follow-up", LeadFollowupGenerator.generate(LeadFollowupConfig.ofEvents(events, seed)),
                warmups, runs);
        row(table, "support tickets", TicketLogs.generate(events, seed), warmups, runs);
        System.out.println();
        System.out.println("load average at end " + Timing.loadAverage());
        System.out.print(table.render());
    }

    private static void row(Timing.Table table, String name, EventLog log, int warmups, int runs) {
        Timing.Timed<VariantLog> t = Timing.bestOf(warmups, runs, () -> VariantLog.of(log));
        table.add(name, String.valueOf(log.size()), String.valueOf(log.caseCount()),
                String.valueOf(t.result().size()), Timing.fmt("%.4f", t.seconds()), Timing.fmt("%.4f", t.cpuSeconds()),
                Timing.fmt("%.0f", log.caseCount() / t.cpuSeconds()));
    }
}
